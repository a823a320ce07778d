package org.waveplan.propagation;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Method 30's start after the ionogram, against VOACAP's own routines compiled with gfortran
 * ({@code src/test/fortran/muf.f}, {@code voacap-modes.txt}): every sample area's reflectrix over SANG's angles
 * (FOBBY) and deviative loss factors (ALOSFV), at 0 and 12 UTC of January at sunspot number 10 and July at 140, on a
 * circuit of three control points, a long path and three of the reference's circuits (Tashkent, Hwaseong and Nauen to
 * Pyongyang: five control points, one, five); and on those three, each area's ray set (FINDF with PENANG) at 5.9,
 * 9.5, 15.3 and 21.6 MHz ({@code voacap-rays.txt}).
 */
class ModesAgainstVoacapTest {

	private static final CoefficientMaps COEFFICIENTS = new CoefficientMaps();

	/** VOACAP truncates its oblique frequencies to the kHz: one kHz either way. */
	private static final int KHZ = 1;

	/** Single precision: factors up to 15 agree to 1e-4 of their size. */
	private static final double LOSS_FACTOR = 0.003;

	private static final double ANGLE = 0.002;

	/** Ground distances of rays near the horizon move most with single precision: 0.1 km is not enough. */
	private static final double KM = 0.5;

	private static final double MHZ = 0.001;

	/** The reference's Tashkent, Hwaseong and Nauen to Pyongyang (muf.f's circuits 6 to 8). */
	private static final GeoPoint PYONGYANG = new GeoPoint(39.02, 125.75);

	private static final GeoPoint[][] REFERENCE_CIRCUITS = { { new GeoPoint(41.32, 69.25), PYONGYANG },
			{ new GeoPoint(37.21, 126.78), PYONGYANG }, { new GeoPoint(52.65, 12.91), PYONGYANG } };

	private static final int LOSSES = 11;

	private static final int OBLIQUE = LOSSES + Ionogram.FREQUENCIES;

	@Test
	void everyAreasReflectrixAndDeviativeLossAreVoacaps() throws IOException {
		List<double[]> rows = rows("voacap-modes.txt");
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
					assertThat(reflectrix.obliqueKhz()[a][i]).as(at + "angle " + a + " frequency " + i)
						.isCloseTo((int) row[OBLIQUE + i * angles + a], within(KHZ));
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

	@Test
	void everyAreasRaysAreVoacaps() throws IOException {
		List<double[]> rows = rows("voacap-rays.txt");
		assertThat(rows).hasSize(112);
		int rays = 0;
		for (double[] row : rows) {
			int month = (int) row[1];
			int utcHour = (int) row[3] % 24;
			int index = (int) row[4] - 1;
			double frequency = row[5];
			RaySet set = ReferenceArea.of(row).rays();
			String at = "circuit %.0f month %d SSN %.0f %02d UTC area %d %.2f MHz: ".formatted(row[0], month, row[2],
					utcHour, index + 1, frequency);
			for (int layer = 0; layer < 3; layer++) {
				assertThat(set.penetration()[layer]).as(at + "penetration " + layer).isCloseTo(row[6 + layer],
						within(ANGLE));
			}
			int count = (int) row[16];
			assertThat(set.rays()).as(at + "rays").hasSize(count);
			assertThat(set.skipKm()).as(at + "skip").isCloseTo(row[9], within(KM));
			assertThat(set.maximumKm()).as(at + "maximum hop").isCloseTo(row[15], within(KM));
			if (count > 0) {
				assertThat(set.skip().takeOff()).as(at + "skip angle").isCloseTo(row[10], within(ANGLE));
				assertThat(set.skip().layer()).as(at + "skip layer").isEqualTo((int) row[14]);
			}
			for (int r = 0; r < count; r++) {
				RaySet.Ray ray = set.rays().get(r);
				int ray0 = 17 + 7 * r;
				String which = at + "ray " + r + " ";
				assertThat(ray.takeOff()).as(which + "angle").isCloseTo(row[ray0], within(ANGLE));
				assertThat(ray.virtualHeight()).as(which + "virtual height").isCloseTo(row[ray0 + 1], within(KM));
				assertThat(ray.trueHeight()).as(which + "true height").isCloseTo(row[ray0 + 2], within(KM));
				assertThat(ray.groundKm()).as(which + "ground").isCloseTo(row[ray0 + 3], within(KM));
				assertThat(ray.verticalFrequency()).as(which + "vertical frequency").isCloseTo(row[ray0 + 4],
						within(MHZ));
				assertThat(ray.layer()).as(which + "layer").isEqualTo((int) row[ray0 + 5]);
				assertThat(ray.deviativeLoss()).as(which + "deviative loss").isCloseTo(row[ray0 + 6],
						within(LOSS_FACTOR));
			}
			rays += count;
		}
		assertThat(rays).isGreaterThan(1000);
	}

	@Test
	void everyHopsModesAreVoacaps() throws IOException {
		List<double[]> rows = rows("voacap-hops.txt");
		assertThat(rows).hasSize(212);
		int modes = 0;
		for (int r = 0; r < rows.size();) {
			double[] row = rows.get(r);
			ReferenceArea area = ReferenceArea.of(row);
			String at = "circuit %.0f month %.0f SSN %.0f %02.0f UTC area %.0f %.2f MHz: ".formatted(row[0], row[1],
					row[2], row[3] % 24, row[4], row[5]);
			int[] hops = HopModes.hops(area.path().distanceKm(), area.rays(), area.muf());
			assertThat(hops[0]).as(at + "first hops").isEqualTo((int) row[6]);
			for (int hop = hops[0]; hop <= hops[1]; hop++, r++) {
				double[] voacap = rows.get(r);
				assertThat(voacap[6]).as(at + "hops").isEqualTo(hop);
				List<HopModes.Mode> found = HopModes.of(area.path().distanceKm() / hop, row[5], area.rays(), 3);
				assertThat(found).as(at + hop + " hops: modes").hasSize((int) voacap[7]);
				for (int m = 0; m < found.size(); m++) {
					HopModes.Mode mode = found.get(m);
					int mode0 = 8 + 6 * m;
					String which = at + hop + " hops, mode " + m + " ";
					assertThat(mode.takeOff()).as(which + "angle").isCloseTo(voacap[mode0], within(ANGLE));
					assertThat(mode.virtualHeight()).as(which + "virtual height").isCloseTo(voacap[mode0 + 1],
							within(KM));
					assertThat(mode.trueHeight()).as(which + "true height").isCloseTo(voacap[mode0 + 2], within(KM));
					assertThat(mode.verticalFrequency()).as(which + "vertical frequency")
						.isCloseTo(voacap[mode0 + 3], within(MHZ));
					assertThat(mode.layer()).as(which + "layer").isEqualTo((int) voacap[mode0 + 4]);
					assertThat(mode.deviativeLoss()).as(which + "deviative loss").isCloseTo(voacap[mode0 + 5],
							within(LOSS_FACTOR));
				}
				modes += found.size();
			}
		}
		assertThat(modes).isGreaterThan(200);
	}

	/** An area of one of the reference's circuits and its rays at a frequency (a row's first six fields). */
	private record ReferenceArea(PathGeometry path, CircuitMuf muf, RaySet rays) {

		static ReferenceArea of(double[] row) {
			GeoPoint[] circuit = REFERENCE_CIRCUITS[(int) row[0] - 6];
			PathGeometry path = PathGeometry.shortPath(circuit[0], circuit[1]);
			int month = (int) row[1];
			int index = (int) row[4] - 1;
			IonosphericMaps maps = COEFFICIENTS.maps(month, row[2]);
			Ionosphere[] points = new PathIonosphere(path, month, maps).at((int) row[3] % 24);
			SampleArea[] areas = SampleArea.of(points);
			CircuitMuf muf = CircuitMuf.of(path, points, areas, maps, 3);
			SampleArea area = index == muf.controllingArea() ? muf.profiledArea() : areas[index];
			ElectronDensityProfile profile = new ElectronDensityProfile(area);
			Ionogram ionogram = Ionogram.of(area, profile);
			Reflectrix reflectrix = Reflectrix.of(ionogram, Reflectrix.angles(path.distanceKm(), 3));
			DeviativeLoss loss = DeviativeLoss.of(ionogram, area, profile.f1(), muf);
			return new ReferenceArea(path, muf, RaySet.of(row[5], ionogram, reflectrix, loss,
					profile.f1().present(), area.f2().criticalFrequency(), 3));
		}

	}

	private static List<double[]> rows(String file) throws IOException {
		return VoacapOutput.rows("/propagation/" + file);
	}

}
