package org.waveplan.propagation;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Method 26 where the voacapl reference has no circuit: paths of three control points (2,000-4,000 km: Tangier-
 * Belgrade, Hwaseong-Hanoi, Sydney-Wellington, Bogota-Miami) and a long path (Tangier-Belgrade the other way round,
 * 37,583 km), against VOACAP's own GEOM, TIMVAR, F2VAR, IONSET and CURMUF compiled with gfortran
 * ({@code src/test/fortran/muf.f}), every hour of January at sunspot number 10, April at 70 and July at 140.
 */
class MufAgainstVoacapTest {

	static final GeoPoint[][] CIRCUITS = { { new GeoPoint(35.80, -5.90), new GeoPoint(44.90, 20.50) },
			{ new GeoPoint(37.21, 126.78), new GeoPoint(21.03, 105.85) },
			{ new GeoPoint(-33.9, 151.2), new GeoPoint(-41.3, 174.8) },
			{ new GeoPoint(4.6, -74.1), new GeoPoint(25.8, -80.2) },
			{ new GeoPoint(35.80, -5.90), new GeoPoint(44.90, 20.50) } };

	/** VOACAP computes in single precision. */
	private static final double MHZ = 0.002;

	private static final CoefficientMaps COEFFICIENTS = new CoefficientMaps();

	@Test
	void threeControlPointsAndTheLongPathAreVoacaps() throws IOException {
		List<double[]> rows = rows();
		assertThat(rows).hasSize(5 * 3 * 24);
		double worst = 0;
		for (double[] row : rows) {
			GeoPoint[] circuit = CIRCUITS[(int) row[0] - 1];
			PathGeometry path = row[1] == 1 ? PathGeometry.longPath(circuit[0], circuit[1])
					: PathGeometry.shortPath(circuit[0], circuit[1]);
			int month = (int) row[2];
			int utcHour = (int) row[4] % 24;
			CircuitMuf muf = new PathIonosphere(path, month, COEFFICIENTS.maps(month, row[3])).hour(utcHour, 3).muf();
			String at = "circuit %.0f%s month %d SSN %.0f %02d UTC: ".formatted(row[0], row[1] == 1 ? " long" : "",
					month, row[3], utcHour);

			assertThat(path.controlPoints()).as(at + "control points").hasSize((int) row[5]);
			assertThat(path.distanceKm()).as(at + "distance").isCloseTo(row[6], within(0.1));
			assertThat(muf.e().muf()).as(at + "E MUF").isCloseTo(row[7], within(MHZ));
			assertThat(muf.f1().muf()).as(at + "F1 MUF").isCloseTo(row[8], within(MHZ));
			assertThat(muf.f2().muf()).as(at + "F2 MUF").isCloseTo(row[9], within(MHZ));
			assertThat(muf.muf()).as(at + "MUF").isCloseTo(row[10], within(MHZ));
			assertThat(muf.fot()).as(at + "FOT").isCloseTo(row[11], within(MHZ));
			assertThat(muf.hpf()).as(at + "HPF").isCloseTo(row[12], within(MHZ));
			for (int i = 10; i <= 12; i++) {
				worst = Math.max(worst, Math.abs((i == 10 ? muf.muf() : i == 11 ? muf.fot() : muf.hpf()) - row[i]));
			}
		}
		System.out.printf("Method 26 on 3 control points and a long path: worst |MUF, FOT or HPF - VOACAP's| %.4f"
				+ " MHz%n", worst);
	}

	private static List<double[]> rows() throws IOException {
		return VoacapOutput.rows("/propagation/voacap-muf.txt");
	}

}
