package org.waveplan.propagation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MagneticFieldTest {

	/**
	 * VOACAP's own MAGVAR and MAGFIN, compiled with gfortran ({@code src/test/fortran/magnetic.f}), give these. (Its
	 * BLOCK DATA's preset for its default circuit, 0.959931 and 1.358 at the first point, is not what its own
	 * routines compute: VOACAP overwrites it before use.)
	 */
	@Test
	void givesVoacapsModifiedDipAndGyrofrequency() {
		assertField(.691011, -1.70495, 0.94047159, 1.37748206);
		assertField(0.6627, 2.2, 0.81303525, 1.22899604);
		assertField(-1.0, 2.4, -1.10717344, 1.62071443);
		assertField(1.4, 0.5, 1.29349267, 1.34724724);
		assertField(0.1, -0.8, 0.41810215, 0.78676540);
	}

	private static void assertField(double latitude, double longitude, double modip, double gyrofrequency) {
		MagneticDip dip = MagneticField.at(latitude, longitude);

		assertThat(dip.modip()).as("modip at %s, %s", latitude, longitude).isCloseTo(modip, within(2e-6));
		assertThat(dip.gyrofrequency()).as("gyrofrequency").isCloseTo(gyrofrequency, within(2e-6));
	}

	@Test
	void nearThePolesTheFieldIsVerticalAndStrongest() {
		MagneticDip pole = MagneticField.at(Math.toRadians(90), 0);
		MagneticDip equator = MagneticField.at(0, Math.toRadians(-50));

		assertThat(pole.modip()).isCloseTo(Math.PI / 2, within(0.05));
		assertThat(pole.gyrofrequency()).isGreaterThan(equator.gyrofrequency() + 0.4);
	}

}
