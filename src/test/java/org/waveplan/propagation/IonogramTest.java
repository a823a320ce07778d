package org.waveplan.propagation;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Each sample area's ionogram (GENION over the area's profile, LECDEN) as method 30 makes it after the MUF, against
 * VOACAP's own routines compiled with gfortran ({@code src/test/fortran/muf.f}) on the circuits of
 * {@link MufAgainstVoacapTest}, every third hour of January at sunspot number 10 and July at 140. For the area that
 * controlled the MUF the profile starts from the F1 layer the MUF's profile left ({@link CircuitMuf#profiledArea()}).
 */
class IonogramTest {

	private static final CoefficientMaps COEFFICIENTS = new CoefficientMaps();

	@Test
	void everyAreasIonogramIsVoacaps() throws IOException {
		List<double[]> rows = rows();
		assertThat(rows).hasSizeGreaterThan(100);
		int controllingWithF1 = 0;
		for (double[] row : rows) {
			GeoPoint[] circuit = MufAgainstVoacapTest.CIRCUITS[(int) row[0] - 1];
			PathGeometry path = row[1] == 1 ? PathGeometry.longPath(circuit[0], circuit[1])
					: PathGeometry.shortPath(circuit[0], circuit[1]);
			int month = (int) row[2];
			int utcHour = (int) row[4] % 24;
			int index = (int) row[5] - 1;
			PathIonosphere ionosphere = new PathIonosphere(path, month, COEFFICIENTS.maps(month, row[3]));
			Ionosphere[] points = ionosphere.at(utcHour);
			SampleArea[] areas = SampleArea.of(points);
			CircuitMuf muf = CircuitMuf.of(path, points, areas, COEFFICIENTS.maps(month, row[3]), 3);
			SampleArea area = index == muf.controllingArea() ? muf.profiledArea() : areas[index];
			if (index == muf.controllingArea() && area.f1().present()) {
				controllingWithF1++;
			}
			Ionogram ionogram = Ionogram.of(area, new ElectronDensityProfile(area));
			String at = "circuit %.0f%s month %d SSN %.0f %02d UTC area %d: ".formatted(row[0],
					row[1] == 1 ? " long" : "", month, row[3], utcHour, index + 1);
			for (int i = 0; i < Ionogram.FREQUENCIES; i++) {
				assertThat(ionogram.frequencies()[i]).as(at + "frequency " + i).isCloseTo(row[6 + 3 * i], within(2e-4));
				assertThat(ionogram.virtualHeights()[i]).as(at + "virtual height " + i)
					.isCloseTo(row[7 + 3 * i], within(0.05));
				assertThat(ionogram.trueHeights()[i]).as(at + "true height " + i)
					.isCloseTo(row[8 + 3 * i], within(0.02));
			}
		}
		assertThat(controllingWithF1).as("controlling areas with an F1 layer").isPositive();
	}

	private static List<double[]> rows() throws IOException {
		return VoacapOutput.rows("/propagation/voacap-ionogram.txt");
	}

}
