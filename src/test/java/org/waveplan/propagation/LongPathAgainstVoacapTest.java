package org.waveplan.propagation;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Method 30's long-path model against VOACAP's own routines compiled with gfortran
 * ({@code src/test/fortran/longpath.f}, {@code voacap-longpath.txt}): LUFFY with IPFG 200 (per hour LECDEN, GENION,
 * FOBBY, ALOSFV at both ends, SETLNG, SIGDIS; per frequency FINDF at both ends, GMLOSS with SETTXR, SELTXR, LNGPAT with
 * CONVH, GETTOP, TABS, BABS) on Nauen to Pyongyang (7,950 km, where VOACAP blends it with the short path), Nauen to
 * Sydney (16,100 km) and Tashkent to Lima (15,400 km, where it is alone; twice over a high E layer in the middle) and
 * Tashkent to Pyongyang (4,700 km), January and July at SSN 10 and 140, 0 and 12 UTC, 5.9, 9.5, 15.3 and 21.6 MHz: the
 * ray chosen at each end with its losses, and the mode (with SIGDIS as VOACAP computed it, so that only the long
 * path is compared); SIGDIS itself ({@link SignalDistribution}) on these hours; and beyond 10,000 km, through RELBIL,
 * what voacapl printed.
 */
class LongPathAgainstVoacapTest {

	private static final CoefficientMaps COEFFICIENTS = new CoefficientMaps();

	private static final GeoPoint NAUEN = new GeoPoint(52.65, 12.91);

	private static final GeoPoint PYONGYANG = new GeoPoint(39.02, 125.75);

	private static final GeoPoint TASHKENT = new GeoPoint(41.32, 69.25);

	private static final GeoPoint[][] CIRCUITS = { { NAUEN, PYONGYANG }, { NAUEN, new GeoPoint(-33.87, 151.21) },
			{ TASHKENT, PYONGYANG }, { TASHKENT, new GeoPoint(-12.05, -77.04) } };

	/** longpath.f's antennas and transmitter: 2.5 dBi, -1 dBi, 500 kW. */
	private static final double TRANSMIT_GAIN = 2.5;

	private static final double RECEIVE_GAIN = -1.;

	private static final double POWER_DBW = 10. * Math.log10(500. * 1000.);

	private static final double DB = 0.01;

	private static final double ANGLE = 0.01;

	private static final double KM = 0.5;

	private static final double HOPS = 0.001;

	private static final double PROBABILITY = 0.0001;

	/** The row's fields: SIGDIS's from 9, each end's from 20 (10 each), the mode's from 40. */
	private static final int SIGDIS = 9;

	private static final int ENDS = 20;

	private static final int MODE = 40;

	@Test
	void everyLongPathModeIsVoacaps() throws IOException {
		List<double[]> rows = VoacapOutput.rows("/propagation/voacap-longpath.txt");
		assertThat(rows).hasSize(128);
		int overTheMuf = 0;
		int firstRayShort = 0;
		int differentLayers = 0;
		for (double[] row : rows) {
			GeoPoint[] circuit = CIRCUITS[(int) row[0] - 1];
			PathGeometry path = PathGeometry.shortPath(circuit[0], circuit[1]);
			int month = (int) row[1];
			double frequency = row[4];
			String at = "circuit %.0f month %d SSN %.0f %02d UTC %.2f MHz: ".formatted(row[0], month, row[2],
					(int) row[3] % 24, frequency);
			IonosphericMaps maps = COEFFICIENTS.maps(month, row[2]);
			Ionosphere[] points = new PathIonosphere(path, month, maps).at((int) row[3] % 24);
			SampleArea[] areas = SampleArea.of(points);
			CircuitMuf muf = CircuitMuf.of(path, points, areas, maps, 3);
			assertThat(path.distanceKm()).as(at + "distance").isCloseTo(row[5], within(0.1));
			assertThat(areas).as(at + "areas").hasSize((int) row[6]);
			assertThat(muf.mufLayer()).as(at + "MUF layer").isEqualTo((int) row[8]);

			LongPath longPath = LongPath.of(path, points, areas, muf, maps.land(path.controlPoints()), voacapsSignal(row), 3);
			EndRays[] ends = longPath.ends(frequency, TRANSMIT_GAIN, RECEIVE_GAIN);
			for (int end = 0; end < 2; end++) {
				double[] voacap = Arrays.copyOfRange(row, ENDS + 10 * end, ENDS + 10 * end + 10);
				String which = at + (end == 0 ? "transmitter's end " : "receiver's end ");
				if (ends[end].count() > 0) {
					// FINDF leaves IAFTXR as it was when it finds no ray (SELTXR then meets no ray past the first)
					assertThat(ends[end].count()).as(which + "rays").isEqualTo((int) voacap[1]);
				}
				assertThat(ends[end].chosen()).as(which + "ray chosen").isEqualTo((int) voacap[0] - 1);
				EndRays.EndRay ray = ends[end].ray();
				assertThat(ray.takeOff()).as(which + "take-off angle").isCloseTo(voacap[2], within(ANGLE));
				assertThat(ray.virtualHeight()).as(which + "virtual height").isCloseTo(voacap[3], within(KM));
				assertThat(ray.groundKm()).as(which + "ground distance").isCloseTo(voacap[4], within(KM));
				assertThat(ray.layer()).as(which + "layer").isEqualTo((int) voacap[5]);
				assertThat(ray.absorption()).as(which + "absorption").isCloseTo(voacap[6], within(DB));
				assertThat(ray.deviative()).as(which + "deviative loss").isCloseTo(voacap[7], within(DB));
				assertThat(ray.ground()).as(which + "ground loss").isCloseTo(voacap[8], within(DB));
				assertThat(ray.gain()).as(which + "gain").isCloseTo(voacap[9], within(DB));
				if (ends[end].rays().get(0).equals(ray) && ends[end].count() == 0) {
					overTheMuf++;
				}
				if (Math.min(4000., path.distanceKm()) / ends[end].rays().get(0).groundKm() < 0.9) {
					firstRayShort++;
				}
			}

			PathMode mode = longPath.at(frequency, POWER_DBW, TRANSMIT_GAIN, RECEIVE_GAIN);
			assertThat(mode.hops()).as(at + "hops").isCloseTo(row[MODE], within(HOPS));
			assertThat(mode.virtualHeight()).as(at + "virtual height").isCloseTo(row[MODE + 1], within(KM));
			assertThat(mode.takeOff()).as(at + "take-off angle").isCloseTo(row[MODE + 2], within(ANGLE));
			assertThat(mode.receiveTakeOff()).as(at + "arrival angle").isCloseTo(row[MODE + 3], within(ANGLE));
			assertThat(mode.layer()).as(at + "layer").isEqualTo((int) row[MODE + 4]);
			assertThat(mode.receiveLayer()).as(at + "receiving layer").isEqualTo((int) row[MODE + 5]);
			assertThat(mode.loss()).as(at + "loss").isCloseTo(row[MODE + 7], within(DB));
			assertThat(mode.signalPower()).as(at + "signal power").isCloseTo(row[MODE + 8], within(DB));
			assertThat(mode.lowerDecile()).as(at + "lower decile").isCloseTo(row[MODE + 9], within(DB));
			assertThat(mode.upperDecile()).as(at + "upper decile").isCloseTo(row[MODE + 10], within(DB));
			assertThat(mode.mufDay()).as(at + "MUF days").isCloseTo(row[MODE + 11], within(PROBABILITY));
			if (mode.layer() != mode.receiveLayer()) {
				differentLayers++;
			}
		}
		assertThat(overTheMuf).as("ends without a ray, on the MUF's own").isPositive();
		assertThat(firstRayShort).as("ends whose first ray makes less than 0.9 hop (SELTXR starts further on)")
			.isPositive();
		assertThat(differentLayers).as("modes by E at one end and F2 at the other").isPositive();
	}

	/** SIGDIS (the original) on these longer circuits of five control points, as longpath.f prints it each hour. */
	@Test
	void signalDistributionIsVoacaps() throws IOException {
		for (double[] row : VoacapOutput.rows("/propagation/voacap-longpath.txt")) {
			GeoPoint[] circuit = CIRCUITS[(int) row[0] - 1];
			PathGeometry path = PathGeometry.shortPath(circuit[0], circuit[1]);
			int month = (int) row[1];
			IonosphericMaps maps = COEFFICIENTS.maps(month, row[2]);
			Ionosphere[] points = new PathIonosphere(path, month, maps).at((int) row[3] % 24);
			SampleArea[] areas = SampleArea.of(points);
			CircuitMuf muf = CircuitMuf.of(path, points, areas, maps, 3);
			SampleArea controlling = muf.profiledArea();
			SignalDistribution signal = SignalDistribution.of(path, points, areas, maps,
					Ionogram.of(controlling, new ElectronDensityProfile(controlling)),
					controlling.e().criticalFrequency(), muf);
			SignalDistribution voacap = voacapsSignal(row);
			String at = "circuit %.0f month %d SSN %.0f %02d UTC: ".formatted(row[0], month, row[2],
					(int) row[3] % 24);
			assertThat(signal.absorptionIndex()).as(at + "ACAV").isCloseTo(voacap.absorptionIndex(), within(1e-5));
			assertThat(signal.eBendingA()).as(at + "AFE").isCloseTo(voacap.eBendingA(), within(1e-5));
			assertThat(signal.eBendingB()).as(at + "BFE").isCloseTo(voacap.eBendingB(), within(1e-5));
			assertThat(signal.eRatio()).as(at + "XVE").isCloseTo(voacap.eRatio(), within(1e-4));
			assertThat(signal.systemLoss()).as(at + "ASM").isCloseTo(voacap.systemLoss(), within(DB));
			assertThat(signal.lowerDecile()).as(at + "DSL").isCloseTo(voacap.lowerDecile(), within(DB));
			assertThat(signal.upperDecile()).as(at + "DSU").isCloseTo(voacap.upperDecile(), within(DB));
		}
	}

	/** SIGDIS as VOACAP computed it for the hour (longpath.f prints ACAV FEAV AFE BFE HNU HTLOSS XNUZ XVE ASM DSL DSU). */
	private static SignalDistribution voacapsSignal(double[] row) {
		return new SignalDistribution(row[SIGDIS], row[SIGDIS + 2], row[SIGDIS + 3], row[SIGDIS + 7], row[SIGDIS + 8],
				row[SIGDIS + 9], row[SIGDIS + 10]);
	}

}
