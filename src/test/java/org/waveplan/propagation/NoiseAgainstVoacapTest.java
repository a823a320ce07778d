package org.waveplan.propagation;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The noise at the reference's four receivers (and Kinshasa and Lima: southern hemisphere, west longitude, the
 * tropics' strong atmospheric noise), months 1, 4, 7 and 10, every hour and the reference's frequencies,
 * against VOACAP's own ANOIS1 and GENOIS compiled with gfortran ({@code src/test/fortran/noise.f}; man-made noise
 * -150 dBW/Hz at 3 MHz, the F2 critical frequency 3 + 0.5 * VOACAP's hour MHz so that galactic noise is both cut
 * off and let through). VOACAP computes in single precision: its figures differ from ours in the fourth decimal.
 */
class NoiseAgainstVoacapTest {

	private static final CoefficientMaps COEFFICIENTS = new CoefficientMaps();

	private static final double TOLERANCE = 5e-4;

	private static final double[][] RECEIVERS = { { 39.02, 125.75 }, { 41.80, 129.78 }, { 41.40, 128.18 },
			{ 40.10, 124.40 }, { -4.32, 15.31 }, { -12.05, -77.04 } };

	@Test
	void noiseAtTheReceiverIsVoacaps() throws IOException {
		List<double[]> rows = rows();
		assertThat(rows).hasSize(6 * 4 * 24 * 9);
		int withoutGalactic = 0;
		int caruana = 0;
		for (double[] row : rows) {
			int month = (int) row[0];
			double[] receiver = RECEIVERS[(int) row[1] - 1];
			int utcHour = (int) row[2] % 24;
			double frequency = row[3];
			var noise = new ReceiverNoise(COEFFICIENTS.month(month), Math.toRadians(receiver[0]),
					Math.toRadians(receiver[1]), -150.).at(utcHour, frequency, row[4]);
			if (row[19] == 1) {
				caruana++;
			}
			String at = "month %d receiver %.0f %02d UTC %.1f MHz: ".formatted(month, row[1], utcHour, frequency);
			assertThat(noise.atmospheric()).as(at + "atmospheric").isCloseTo(row[10], within(TOLERANCE));
			if (row[11] == -204.) {
				withoutGalactic++;
				assertThat(noise.galactic()).as(at + "galactic").isEqualTo(Double.NEGATIVE_INFINITY);
			}
			else {
				assertThat(noise.galactic()).as(at + "galactic").isCloseTo(row[11], within(TOLERANCE));
			}
			assertThat(noise.manMade()).as(at + "man-made").isCloseTo(row[12], within(TOLERANCE));
			assertThat(noise.median()).as(at + "median").isCloseTo(row[13], within(TOLERANCE));
			assertThat(noise.upperDecile()).as(at + "upper decile").isCloseTo(row[14], within(TOLERANCE));
			assertThat(noise.lowerDecile()).as(at + "lower decile").isCloseTo(row[15], within(TOLERANCE));
			assertThat(noise.medianError()).as(at + "median error").isCloseTo(row[16], within(TOLERANCE));
			assertThat(noise.upperError()).as(at + "upper error").isCloseTo(row[17], within(TOLERANCE));
			assertThat(noise.lowerError()).as(at + "lower error").isCloseTo(row[18], within(TOLERANCE));
		}
		assertThat(withoutGalactic).as("rows at or below the F2 critical frequency").isBetween(100, rows.size() - 100);
		assertThat(caruana).as("rows where Caruana's limit applies").isPositive();
	}

	private static List<double[]> rows() throws IOException {
		return VoacapOutput.rows("/propagation/voacap-noise.txt");
	}

}
