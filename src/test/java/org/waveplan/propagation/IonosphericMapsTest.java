package org.waveplan.propagation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class IonosphericMapsTest {

	private static final CoefficientMaps COEFFICIENTS = new CoefficientMaps();

	/**
	 * VOACAP's own VIRTIM and VERSY, compiled with gfortran and fed by the ASCII files with REDMAP's interpolation
	 * ({@code src/test/fortran/maps.f}), give these values of the six maps (sporadic E three times, foF2 without
	 * the gyrofrequency, M(3000)F2, foE) at a control point.
	 */
	@Test
	void mapsGiveVoacapsValues() {
		assertMaps(1, 10, 24, 0.6627, 2.2, 3.399927, 2.144859, 1.702991, 5.249835, 3.452205, 2.149059);
		assertMaps(4, 70, 5, -0.5, -1.0, 5.425488, 2.463188, 1.423068, 8.150706, 3.059381, 0.350748);
		assertMaps(7, 140, 13, 0.1, 0.5, 7.672337, 5.666241, 4.182325, 11.529806, 2.268538, 3.650845);
	}

	private static void assertMaps(int month, double ssn, double hour, double latitude, double longitude,
			double esUpper, double esMedian, double esLower, double fof2, double m3000, double foe) {
		Ionosphere ionosphere = at(month, ssn, hour, latitude, longitude);
		SporadicE es = ionosphere.sporadicE();
		double tolerance = 2e-5 * fof2;
		assertThat(es.upperDecile()).as("ES upper").isCloseTo(esUpper, within(tolerance));
		assertThat(es.median()).as("ES median").isCloseTo(esMedian, within(tolerance));
		assertThat(es.lowerDecile()).as("ES lower").isCloseTo(esLower, within(tolerance));
		assertThat(ionosphere.f2().criticalFrequency() - ionosphere.magnetic().gyrofrequency() / 2).as("foF2 map")
			.isCloseTo(fof2, within(tolerance));
		assertThat(ionosphere.m3000()).as("M(3000)F2").isCloseTo(m3000, within(tolerance));
		if (foe >= 0.36) {
			assertThat(ionosphere.e().criticalFrequency()).as("foE").isCloseTo(foe, within(tolerance));
		}
		else {
			// below 0.36 MHz the map is taken for wrong and night's foE used
			assertThat(ionosphere.e().criticalFrequency()).as("foE at night")
				.isCloseTo(0.36 * Math.sqrt(1 + 0.0098 * ssn), within(1e-9));
		}
	}

	/** Seoul: a mid-latitude F2 layer, higher by day and at sunspot maximum, with F1 and E only by day. */
	@Test
	void seoulsIonosphereIsPlausible() {
		double latitude = Math.toRadians(37.5);
		double longitude = Math.toRadians(127);
		// 03 UTC is local noon, 18 UTC 3 at night
		Ionosphere noonLow = at(4, 10, 3, latitude, longitude);
		Ionosphere noonHigh = at(4, 140, 3, latitude, longitude);
		Ionosphere nightLow = at(4, 10, 18, latitude, longitude);

		assertThat(noonLow.f2().criticalFrequency()).isBetween(5.0, 9.0);
		assertThat(noonHigh.f2().criticalFrequency()).isBetween(noonLow.f2().criticalFrequency() + 3, 16.0);
		assertThat(nightLow.f2().criticalFrequency()).isBetween(2.0, noonLow.f2().criticalFrequency() - 1);
		assertThat(noonLow.m3000()).isBetween(2.8, 4.0);
		assertThat(noonLow.f2().height()).isBetween(200.0, 400.0);

		assertThat(noonLow.e().criticalFrequency()).isBetween(2.5, 4.0);
		assertThat(nightLow.e().criticalFrequency()).isLessThan(1.0);
		assertThat(noonLow.f1().present()).isTrue();
		assertThat(noonLow.f1().criticalFrequency()).isBetween(noonLow.e().criticalFrequency(),
				noonLow.f2().criticalFrequency());
		assertThat(nightLow.f1()).isEqualTo(Layer.NONE);
		assertThat(noonLow.localTime()).isCloseTo(11.47, within(0.01));
	}

	/** foF2 is linear in the sunspot number through its maps at 0 and 100, and goes on so above 100. */
	@Test
	void foF2IsLinearInTheSunspotNumberBeyond100() {
		double latitude = Math.toRadians(40);
		double longitude = Math.toRadians(-75);
		double at0 = at(10, 0, 17, latitude, longitude).f2().criticalFrequency();
		double at50 = at(10, 50, 17, latitude, longitude).f2().criticalFrequency();
		double at100 = at(10, 100, 17, latitude, longitude).f2().criticalFrequency();
		double at200 = at(10, 200, 17, latitude, longitude).f2().criticalFrequency();

		assertThat(at100).isGreaterThan(at0 + 2);
		assertThat(at50).isCloseTo((at0 + at100) / 2, within(1e-9));
		assertThat(at200).isCloseTo(2 * at100 - at0, within(1e-9));
	}

	@Test
	void knowsLandFromSea() {
		IonosphericMaps maps = COEFFICIENTS.maps(1, 10);

		assertThat(maps.land(Math.toRadians(50), Math.toRadians(10))).as("Germany").isTrue();
		assertThat(maps.land(Math.toRadians(40), Math.toRadians(-100))).as("Kansas").isTrue();
		assertThat(maps.land(Math.toRadians(0), Math.toRadians(-140))).as("the Pacific").isFalse();
		assertThat(maps.land(Math.toRadians(-30), Math.toRadians(-20))).as("the South Atlantic").isFalse();
	}

	private static Ionosphere at(int month, double ssn, double hour, double latitude, double longitude) {
		IonosphericMaps maps = COEFFICIENTS.maps(month, ssn);
		return maps.at(maps.hour(hour), maps.place(latitude, longitude),
				Sun.zenithAngle(month, hour, latitude, longitude),
				GeomagneticPole.VOACAP.latitudeOf(latitude, longitude));
	}

}
