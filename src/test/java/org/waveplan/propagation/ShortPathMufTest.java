package org.waveplan.propagation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.waveplan.SharedData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the shortest reference path, Hwaseong to Pyongyang (220 km), VOACAP has one control point, the midpoint, and
 * its MUF is the F2 layer's there: foF2 at the tangent frequency of a parabolic layer, raised towards foF2 itself on
 * short paths, times the secant at the layer's virtual height (CURMUF). That MUF from our maps' foF2, F2 height and
 * semi-thickness (from M(3000)F2, the ratio map and the E and F1 layers' retardation) is checked against VOACAP's for
 * every month, sunspot number and hour of the reference, and so are the FOT and HPF from it and the deciles of
 * the F2 MUF tables (F2DIS).
 */
class ShortPathMufTest {

	private static final double EARTH_RADIUS_KM = 6370;

	private static final CoefficientMaps COEFFICIENTS = new CoefficientMaps();

	@Test
	void f2MufAtTheMidpointIsVoacapsMuf() throws IOException {
		// a 220 km path: its one control point is its middle
		ControlPoint middle = PathGeometry.shortPath(new GeoPoint(37.21, 126.78), new GeoPoint(39.02, 125.75))
			.controlPoints()
			.get(0);
		double[] midpoint = { middle.latitude(), middle.longitude() };
		List<String> worst = new ArrayList<>();
		List<Double> differences = new ArrayList<>();
		List<Double> fotHpfDifferences = new ArrayList<>();
		double largest = -1;
		for (String line : Files.readAllLines(SharedData.require("voacap/reference.csv"))) {
			String[] row = line.split(",");
			// one row per hour: the MUF is the same for every frequency
			if (!row[0].equals("Hwaseong") || !row[3].equals("Pyongyang") || !row[13].equals("5.9")) {
				continue;
			}
			int month = Integer.parseInt(row[6]);
			double ssn = Double.parseDouble(row[7]);
			int hour = Integer.parseInt(row[8]);
			double universalTime = hour == 0 ? 24 : hour;
			IonosphericMaps maps = COEFFICIENTS.maps(month, ssn);
			Ionosphere ionosphere = maps.at(maps.hour(universalTime), maps.place(midpoint[0], midpoint[1]),
					Sun.zenithAngle(month, universalTime, midpoint[0], midpoint[1]),
					GeomagneticPole.VOACAP.latitudeOf(midpoint[0], midpoint[1]));
			double voacap = Double.parseDouble(row[10]);
			double muf = f2Muf(ionosphere, Double.parseDouble(row[9]));
			double difference = muf - voacap;
			differences.add(Math.abs(difference));
			double fot = muf - 1.28 * maps.f2MufDeviation(muf, midpoint[0], ionosphere.localTime(), false);
			double hpf = muf + 1.28 * maps.f2MufDeviation(muf, midpoint[0], ionosphere.localTime(), true);
			fotHpfDifferences.add(Math.abs(fot - Double.parseDouble(row[11])));
			fotHpfDifferences.add(Math.abs(hpf - Double.parseDouble(row[12])));
			if (Math.abs(difference) >= largest) {
				largest = Math.abs(difference);
				worst.add(0, "month %d SSN %.0f %02d UTC: VOACAP %.2f, ours %+.3f (foF2 %.2f, M3000 %.2f)"
					.formatted(month, ssn, hour, voacap, difference, ionosphere.f2().criticalFrequency(),
							ionosphere.m3000()));
			}
		}
		double[] sorted = differences.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		System.out.printf("Hwaseong-Pyongyang F2 MUF against VOACAP's MUF, %d hours: median |difference| %.3f MHz,"
				+ " 95%% %.3f, worst %.3f, within 0.01: %d; %s%n", sorted.length, sorted[sorted.length / 2],
				sorted[(int) (sorted.length * 0.95)], sorted[sorted.length - 1],
				Arrays.stream(sorted).filter(d -> d <= 0.01).count(), worst.get(0));

		double[] fotHpf = fotHpfDifferences.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		System.out.printf("FOT and HPF from it and the F2 MUF deciles: median |difference| %.3f MHz, worst %.3f%n",
				fotHpf[fotHpf.length / 2], fotHpf[fotHpf.length - 1]);

		assertThat(sorted).as("4 months x 3 sunspot numbers x 24 hours").hasSize(288);
		// the reference has two decimals; VOACAP takes the F2 layer's virtual height from its whole profile, we from
		// parabolic E and F2 layers (its IEDP >= 0 branch), which differ by a few km when there is an F1 layer
		assertThat(sorted[sorted.length - 1]).as("worst |difference|, MHz: " + worst.get(0)).isLessThanOrEqualTo(0.025);
		assertThat(Arrays.stream(sorted).filter(d -> d <= 0.015).count()).as("within 0.015 MHz")
			.isGreaterThanOrEqualTo(270);
		assertThat(fotHpf[fotHpf.length - 1]).as("worst FOT or HPF |difference|, MHz").isLessThanOrEqualTo(0.03);
	}

	/** CURMUF's F2 MUF, parabolic layers, one hop of a path of that length. */
	private static double f2Muf(Ionosphere ionosphere, double pathKm) {
		Layer f2 = ionosphere.f2();
		Layer e = ionosphere.e();
		double tangent = 1 / Math.sqrt(1 + 0.5 * f2.semiThickness() / f2.height());
		if (pathKm < 2000) {
			tangent *= 1 + (1 / tangent - 1) * Math.exp(-9.5 * pathKm / 2000);
		}
		double trueHeight = f2.height() - f2.semiThickness() * Math.sqrt(1 - tangent * tangent);
		double x = Math.min(tangent, 0.999);
		double xe = Math.max(tangent * f2.criticalFrequency() / e.criticalFrequency(), 1.001);
		double virtualHeight = f2.height() - f2.semiThickness()
				+ 0.5 * x * f2.semiThickness() * Math.log((1 + x) / (1 - x))
				+ e.semiThickness() * (xe * Math.log((xe + 1) / (xe - 1)) - 2);
		double psi = pathKm / (2 * EARTH_RADIUS_KM);
		double heightGain = (virtualHeight - trueHeight) / EARTH_RADIUS_KM;
		double corrected = virtualHeight;
		double muf = 0;
		for (int i = 0; i < 5; i++) {
			double incidence = Math.atan(Math.sin(psi) / (1 - Math.cos(psi) + corrected / EARTH_RADIUS_KM));
			double elevation = Math.PI / 2 - incidence - psi;
			double sin = EARTH_RADIUS_KM * Math.cos(elevation) / (EARTH_RADIUS_KM + trueHeight);
			muf = f2.criticalFrequency() * tangent / Math.sqrt(1 - sin * sin);
			// Martyn's theorem corrected
			double ratio = muf / f2.criticalFrequency();
			corrected = virtualHeight + ratio * ratio * sin * sin * heightGain
					* (trueHeight + 2 * (EARTH_RADIUS_KM + trueHeight) * heightGain);
		}
		return muf;
	}

}
