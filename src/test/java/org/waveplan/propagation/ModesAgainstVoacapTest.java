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
 * Method 30's start after the ionogram, against VOACAP's own routines compiled with gfortran
 * ({@code src/test/fortran/muf.f}, {@code voacap-modes.txt}): every sample area's reflectrix over SANG's angles
 * (FOBBY) and deviative loss factors (ALOSFV), at 0 and 12 UTC of January at sunspot number 10 and July at 140, on a
 * circuit of three control points, a long path and three of the reference's circuits (Tashkent, Hwaseong and Nauen to
 * Pyongyang: five control points, one, five).
 */
class ModesAgainstVoacapTest {

	private static final CoefficientMaps COEFFICIENTS = new CoefficientMaps();

	/** VOACAP truncates its oblique frequencies to the kHz: one kHz either way. */
	private static final double MHZ = 0.0010001;

	/** Single precision: factors up to 15 agree to 1e-4 of their size. */
	private static final double LOSS_FACTOR = 0.003;

	private static final int LOSSES = 11;

	private static final int OBLIQUE = LOSSES + Ionogram.FREQUENCIES;

	@Test
	void everyAreasReflectrixAndDeviativeLossAreVoacaps() throws IOException {
		List<double[]> rows = rows();
		assertThat(rows).hasSize(48);
		int withF1 = 0;
		int losses = 0;
		for (double[] row : rows) {
			GeoPoint transmitter = new GeoPoint(row[6], row[7]);
			GeoPoint receiver = new GeoPoint(row[8], row[9]);
			PathGeometry path = row[1] == 1 ? PathGeometry.longPath(transmitter, receiver)
					: PathGeometry.shortPath(transmitter, receiver);
			int month = (int) row[2];
			int utcHour = (int) row[4] % 24;
			int index = (int) row[5] - 1;
			IonosphericMaps maps = COEFFICIENTS.maps(month, row[3]);
			Ionosphere[] points = new PathIonosphere(path, month, maps).at(utcHour);
			SampleArea[] areas = SampleArea.of(points);
			CircuitMuf muf = CircuitMuf.of(path, points, areas, maps, 3);
			SampleArea area = index == muf.controllingArea() ? muf.profiledArea() : areas[index];
			ElectronDensityProfile profile = new ElectronDensityProfile(area);
			Ionogram ionogram = Ionogram.of(area, profile);
			String at = "circuit %.0f%s month %d SSN %.0f %02d UTC area %d: ".formatted(row[0],
					row[1] == 1 ? " long" : "", month, row[3], utcHour, index + 1);

			int angles = Reflectrix.angles(path.distanceKm(), 3);
			assertThat(angles).as(at + "angles").isEqualTo((int) row[10]);
			Reflectrix reflectrix = Reflectrix.of(ionogram, angles);
			for (int i = 0; i < Ionogram.FREQUENCIES; i++) {
				for (int a = 0; a < angles; a++) {
					assertThat(reflectrix.obliqueFrequencies()[a][i]).as(at + "angle " + a + " frequency " + i)
						.isCloseTo(row[OBLIQUE + i * angles + a] / 1000., within(MHZ));
				}
			}

			DeviativeLoss loss = DeviativeLoss.of(ionogram, area, profile.f1(), muf);
			for (int i = 0; i < Ionogram.FREQUENCIES; i++) {
				assertThat(loss.factors()[i]).as(at + "deviative loss " + i)
					.isCloseTo(row[LOSSES + i], within(LOSS_FACTOR));
				if (row[LOSSES + i] > 0) {
					losses++;
				}
			}
			if (profile.f1().present()) {
				withF1++;
			}
		}
		assertThat(withF1).as("areas with an F1 layer").isPositive();
		assertThat(losses).as("deviative loss factors above 0").isGreaterThan(100);
	}

	private static List<double[]> rows() throws IOException {
		List<double[]> rows = new ArrayList<>();
		try (InputStream in = ModesAgainstVoacapTest.class.getResourceAsStream("/propagation/voacap-modes.txt")) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] fields = line.strip().split("\\s+");
				double[] row = new double[fields.length];
				for (int i = 0; i < fields.length; i++) {
					row[i] = Double.parseDouble(fields[i]);
				}
				rows.add(row);
			}
		}
		return rows;
	}

}
