package org.waveplan.propagation;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every value of a control point's ionosphere against VOACAP's own TIMVAR, EF1VAR and F2VAR (compiled with
 * gfortran: {@code src/test/fortran/ionosphere.f}) at Seoul-Pyongyang's midpoint, Sydney and Colombia, every hour
 * of January at sunspot number 10, April at 70 and July at 140: day and night, F1 present (66 hours), fading into
 * F2 near its greatest zenith angle (7) and gone.
 */
class IonosphereAgainstVoacapTest {

	private static final CoefficientMaps COEFFICIENTS = new CoefficientMaps();

	@Test
	void everyHourOfThreePointsIsVoacaps() throws IOException {
		List<double[]> rows = rows();
		assertThat(rows).hasSize(216);
		int withF1 = 0;
		for (double[] row : rows) {
			int month = (int) row[0];
			double ssn = row[1];
			double hour = row[2];
			double latitude = Math.toRadians(row[3]);
			double longitude = Math.toRadians(row[4]);
			IonosphericMaps maps = COEFFICIENTS.maps(month, ssn);
			Ionosphere ion = maps.at(maps.hour(hour), maps.place(latitude, longitude),
					Sun.zenithAngle(month, hour, latitude, longitude),
					GeomagneticPole.VOACAP.latitudeOf(latitude, longitude));
			String at = "month %d SSN %.0f hour %.0f at %.2f %.2f: ".formatted(month, ssn, hour, row[3], row[4]);

			assertThat(ion.e().criticalFrequency()).as(at + "foE").isCloseTo(row[5], within(2e-4));
			assertThat(ion.f1().criticalFrequency()).as(at + "foF1").isCloseTo(row[6], within(2e-4));
			assertThat(ion.f2().criticalFrequency()).as(at + "foF2").isCloseTo(row[7], within(2e-4));
			assertThat(ion.e().height()).as(at + "hmE").isCloseTo(row[8], within(0.002));
			assertThat(ion.f1().height()).as(at + "hmF1").isCloseTo(row[9], within(0.05));
			assertThat(ion.f2().height()).as(at + "hmF2").isCloseTo(row[10], within(0.01));
			assertThat(ion.e().semiThickness()).as(at + "ymE").isCloseTo(row[11], within(0.002));
			assertThat(ion.f1().semiThickness()).as(at + "ymF1").isCloseTo(row[12], within(0.02));
			assertThat(ion.f2().semiThickness()).as(at + "ymF2").isCloseTo(row[13], within(0.01));
			assertThat(ion.m3000()).as(at + "M(3000)F2").isCloseTo(row[14], within(2e-4));
			assertThat(ion.f2VirtualHeight()).as(at + "hpF2").isCloseTo(row[15], within(0.01));
			assertThat(ion.f2Ratio()).as(at + "F2 ratio").isCloseTo(row[16], within(2e-4));
			// single precision acos near 1: VOACAP's zenith angle is good to a few hundredths of a degree there
			assertThat(ion.zenithAngle()).as(at + "zenith angle").isCloseTo(row[17], within(0.05));
			assertThat(ion.f1MaxZenithAngle()).as(at + "F1's greatest zenith angle").isCloseTo(row[18], within(0.002));
			assertThat(ion.localTime()).as(at + "local time").isCloseTo(row[19], within(0.002));
			assertThat(ion.magnetic().gyrofrequency()).as(at + "gyrofrequency").isCloseTo(row[20], within(2e-5));
			assertThat(ion.magnetic().modip()).as(at + "modip").isCloseTo(row[21], within(2e-5));
			if (ion.f1().present()) {
				withF1++;
			}
		}
		assertThat(withF1).as("hours with an F1 layer").isBetween(40, 150);
	}

	private static List<double[]> rows() throws IOException {
		return VoacapOutput.rows("/propagation/voacap-ionosphere.txt");
	}

}
