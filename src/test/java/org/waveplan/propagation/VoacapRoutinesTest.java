package org.waveplan.propagation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Our geometry, sun and local time against VOACAP's own Fortran routines, compiled and run on the
 * same circuits (src/test/resources/propagation/voacap/README.md says how). VOACAP computes in single precision, so
 * the tolerances are a few of its rounding steps, far below anything the prediction could notice.
 */
class VoacapRoutinesTest {

	@Test
	void pathsAndControlPointsAreVoacapsGeom() throws IOException {
		List<String[]> rows = rows("geom.csv");
		assertThat(rows).hasSize(60);
		for (String[] row : rows) {
			PathGeometry path = path(row);
			String circuit = String.join(",", row[0], row[1], row[2], row[3], row[4]);
			assertThat(path.receiver().latitude()).as(circuit).isCloseTo(d(row[2]), within(1e-7));
			assertThat(path.distanceKm()).as(circuit).isCloseTo(d(row[5]), within(1e-5));
			assertThat(angleBetween(path.azimuthAtTransmitter(), d(row[6]))).as(circuit).isLessThan(1e-7);
			assertThat(angleBetween(path.azimuthAtReceiver(), d(row[7]))).as(circuit).isLessThan(1e-7);
			int index = Integer.parseInt(row[8]);
			assertThat(path.controlPoints().size()).as(circuit).isGreaterThanOrEqualTo(index);
			ControlPoint point = path.controlPoints().get(index - 1);
			String where = circuit + " point " + index;
			assertThat(point.distance()).as(where).isCloseTo(d(row[9]), within(1e-8));
			assertThat(point.latitude()).as(where).isCloseTo(d(row[10]), within(1e-8));
			assertThat(angleBetween(point.longitude() * Voacap.R2D, d(row[11]) * Voacap.R2D)).as(where).isLessThan(1e-7);
			assertThat(point.geomagneticLatitude()).as(where).isCloseTo(d(row[12]), within(1e-8));
			// GEOM's MAGVAR there: the maps' field model
			MagneticDip field = MagneticField.at(point.latitude(), point.eastLongitude());
			assertThat(field.gyrofrequency()).as(where).isCloseTo(d(row[13]), within(1e-8));
			assertThat(field.modip()).as(where).isCloseTo(d(row[14]), within(1e-8));
		}
	}

	@Test
	void zenithAnglesAndLocalTimesAreVoacapsTimvar() throws IOException {
		List<String[]> rows = rows("timvar.csv");
		assertThat(rows).hasSize(2400);
		for (String[] row : rows) {
			PathGeometry path = PathGeometry.shortPath(new GeoPoint(d(row[0]), d(row[1])), new GeoPoint(d(row[2]), d(row[3])));
			int month = Integer.parseInt(row[5]);
			int hour = Integer.parseInt(row[6]);
			ControlPoint point = path.controlPoints().get(Integer.parseInt(row[7]) - 1);
			String where = String.join(",", row);
			assertThat(Sun.zenithAngle(month, hour, point.latitude(), point.longitude())).as(where)
				.isCloseTo(d(row[8]), within(1e-7));
			assertThat(LocalMeanTime.atControlPoint(hour, point.longitude())).as(where).isCloseTo(d(row[9]), within(1e-7));
			assertThat(LocalMeanTime.atSite(hour, path.receiver().longitude())).as(where).isCloseTo(d(row[10]), within(1e-7));
		}
	}

	private static PathGeometry path(String[] row) {
		GeoPoint transmitter = new GeoPoint(d(row[0]), d(row[1]));
		GeoPoint receiver = new GeoPoint(d(row[2]), d(row[3]));
		return "1".equals(row[4]) ? PathGeometry.longPath(transmitter, receiver) : PathGeometry.shortPath(transmitter, receiver);
	}

	/** Degrees between two azimuths or longitudes, 360 apart being the same. */
	private static double angleBetween(double a, double b) {
		double difference = Math.abs(a - b) % 360.;
		return Math.min(difference, 360. - difference);
	}

	private static double d(String value) {
		return Double.parseDouble(value);
	}

	private static List<String[]> rows(String name) throws IOException {
		try (InputStream in = VoacapRoutinesTest.class.getResourceAsStream("/propagation/voacap/" + name)) {
			assertThat(in).as(name).isNotNull();
			List<String[]> rows = new ArrayList<>();
			String[] lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n");
			for (int i = 1; i < lines.length; i++) {
				if (!lines[i].isBlank()) {
					rows.add(lines[i].trim().split(","));
				}
			}
			return rows;
		}
	}

}
