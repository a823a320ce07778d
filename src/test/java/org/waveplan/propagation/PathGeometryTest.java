package org.waveplan.propagation;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.waveplan.SharedData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PathGeometryTest {

	private static final GeoPoint TANGIER = new GeoPoint(35.80, -5.90);

	private static final GeoPoint BELGRADE = new GeoPoint(44.90, 20.50);

	/** Every circuit of the voacapl reference has the distance voacapl printed, to its 0.1 km. */
	@Test
	void distancesAreVoacapsForEveryReferenceCircuit() throws IOException {
		Map<String, String> circuits = new LinkedHashMap<>();
		List<String> lines = Files.readAllLines(SharedData.require("voacap/reference.csv"));
		for (String line : lines.subList(1, lines.size())) {
			String[] f = line.split(",");
			circuits.put(String.join(",", f[1], f[2], f[4], f[5]), f[9]);
		}
		assertThat(circuits).hasSize(12);
		circuits.forEach((circuit, printed) -> {
			String[] f = circuit.split(",");
			PathGeometry path = PathGeometry.shortPath(new GeoPoint(Double.parseDouble(f[0]), Double.parseDouble(f[1])),
					new GeoPoint(Double.parseDouble(f[2]), Double.parseDouble(f[3])));
			assertThat(String.format(Locale.ROOT, "%.1f", path.distanceKm())).as(circuit).isEqualTo(printed);
		});
	}

	/** VOACAP's own sample (tests/p2p/test01.out): "57.41  254.73    1317.9   2440.5". */
	@Test
	void azimuthsAndDistanceAreWhatVoacapPrintsForItsSample() {
		PathGeometry path = PathGeometry.shortPath(TANGIER, BELGRADE);
		assertThat(String.format(Locale.ROOT, "%.2f %.2f %.1f %.1f", path.azimuthAtTransmitter(),
				path.azimuthAtReceiver(), path.distanceKm() * 0.54, path.distanceKm()))
			.isEqualTo("57.41 254.73 1317.9 2440.5");
	}

	@Test
	void controlPointsLieAtVoacapsDistancesFromTheEnds() {
		PathGeometry shortOne = PathGeometry.shortPath(new GeoPoint(37.21, 126.78), new GeoPoint(39.02, 125.75));
		assertThat(kilometres(shortOne)).containsExactly(shortOne.distanceKm() / 2);

		PathGeometry middle = PathGeometry.shortPath(TANGIER, BELGRADE);
		double d = middle.distanceKm();
		assertThat(kilometres(middle)).usingElementComparator(PathGeometryTest::closely).containsExactly(1000., d / 2, d - 1000.);

		PathGeometry far = PathGeometry.shortPath(new GeoPoint(52.65, 12.91), new GeoPoint(39.02, 125.75));
		double f = far.distanceKm();
		assertThat(kilometres(far)).usingElementComparator(PathGeometryTest::closely)
			.containsExactly(1000., 2000., f / 2, f - 2000., f - 1000.);

		// each point is where it says, on the great circle: as far from the transmitter and the rest from the receiver
		for (ControlPoint point : far.controlPoints()) {
			GeoPoint at = new GeoPoint(point.latitude() * Voacap.R2D, point.longitude() * Voacap.R2D);
			assertThat(PathGeometry.shortPath(far.transmitter(), at).distanceKm()).isCloseTo(point.distanceKm(), within(1e-4));
			assertThat(PathGeometry.shortPath(at, far.receiver()).distanceKm()).isCloseTo(f - point.distanceKm(), within(1e-4));
		}
	}

	@Test
	void theLongPathGoesTheOtherWayRound() {
		PathGeometry shortPath = PathGeometry.shortPath(TANGIER, BELGRADE);
		PathGeometry longPath = PathGeometry.longPath(TANGIER, BELGRADE);
		assertThat(longPath.distanceKm() + shortPath.distanceKm()).isCloseTo(Voacap.PI2 * Voacap.EARTH_RADIUS_KM, within(1e-6));
		assertThat(longPath.azimuthAtTransmitter()).isCloseTo(shortPath.azimuthAtTransmitter() + 180, within(1e-6));
		assertThat(longPath.azimuthAtReceiver()).isCloseTo(shortPath.azimuthAtReceiver() - 180, within(1e-6));
		assertThat(longPath.controlPoints()).hasSize(5);
	}

	@Test
	void aReceiverOnTopOfTheTransmitterIsMovedAsVoacapMovesIt() {
		PathGeometry path = PathGeometry.shortPath(new GeoPoint(50, 10), new GeoPoint(50.01, 10.02));
		assertThat(path.receiver()).isEqualTo(new GeoPoint(49.97, 10.02));
		assertThat(PathGeometry.shortPath(new GeoPoint(-50, 10), new GeoPoint(-50.01, 10.02)).receiver())
			.isEqualTo(new GeoPoint(-49.97, 10.02));
		assertThat(PathGeometry.shortPath(new GeoPoint(50, 10), new GeoPoint(50.05, 10)).receiver())
			.isEqualTo(new GeoPoint(50.05, 10));
	}

	@Test
	void aPlaceOutOfRangeIsRefusedNamingTheField() {
		assertThatThrownBy(() -> new GeoPoint(90.5, 0)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("latitude 90.5");
		assertThatThrownBy(() -> new GeoPoint(0, -181)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("longitude -181");
		assertThatThrownBy(() -> new GeoPoint(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("latitude NaN");
	}

	private static int closely(double a, double b) {
		return Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b);
	}

	private static List<Double> kilometres(PathGeometry path) {
		return path.controlPoints().stream().map(ControlPoint::distanceKm).toList();
	}

}
