package org.waveplan.propagation;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.waveplan.SharedData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Method 26 (CURMUF) against every row of voacapl's reference ({@code ../shared/data/voacap/reference.csv}): twelve
 * circuits from 220 km (one control point) to 7,950 km (five), four months, three sunspot numbers, 24 hours. The
 * MUF, FOT and HPF do not depend on the row's frequency, so each hour is computed once and compared with each of
 * its rows.
 */
class MufAgainstReferenceTest {

	private static final double TOLERANCE_MHZ = 0.1;

	/** Half of VOACAP's last printed digit, and a little for its single precision. */
	private static final double PRINTED_MHZ = 0.006;

	private static final double MINIMUM_ELEVATION = 3;

	private static final CoefficientMaps COEFFICIENTS = new CoefficientMaps();

	@Test
	void mufFotAndHpfAreVoacapsOnEveryRow() throws IOException {
		List<String> lines = Files.readAllLines(SharedData.require("voacap/reference.csv"));
		Map<String, PathIonosphere> circuits = new HashMap<>();
		Map<String, CircuitMuf> hours = new HashMap<>();
		List<Row> rows = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] f = line.split(",");
			int month = Integer.parseInt(f[6]);
			double ssn = Double.parseDouble(f[7]);
			int hour = Integer.parseInt(f[8]);
			String circuit = f[0] + "-" + f[3];
			String key = circuit + " month " + month + " SSN " + f[7];
			CircuitMuf muf = hours.computeIfAbsent(key + " " + hour,
					k -> circuits.computeIfAbsent(key, c -> new PathIonosphere(
							PathGeometry.shortPath(point(f[1], f[2]), point(f[4], f[5])), month,
							COEFFICIENTS.maps(month, ssn)))
						.hour(hour, MINIMUM_ELEVATION).muf());
			rows.add(new Row("%s %02d UTC".formatted(key, hour), muf, Double.parseDouble(f[10]),
					Double.parseDouble(f[11]), Double.parseDouble(f[12])));
		}
		assertThat(rows).hasSize(31_104);
		assertThat(hours).hasSize(12 * 4 * 3 * 24);

		double mufShare = report("MUF", rows, Row::mufDifference);
		double fotShare = report("FOT", rows, Row::fotDifference);
		double hpfShare = report("HPF", rows, Row::hpfDifference);

		// the issue asks for 99 % within 0.1 MHz; every row is VOACAP's to its printed two decimals
		assertThat(mufShare).as("share of rows with the MUF within 0.1 MHz").isEqualTo(1.0);
		assertThat(fotShare).as("share of rows with the FOT within 0.1 MHz").isEqualTo(1.0);
		assertThat(hpfShare).as("share of rows with the HPF within 0.1 MHz").isEqualTo(1.0);
		for (Row row : rows) {
			assertThat(List.of(row.mufDifference(), row.fotDifference(), row.hpfDifference()))
				.as("MUF, FOT and HPF less VOACAP's (printed to 0.01 MHz) on " + row.hour() + ": " + row.ours())
				.allMatch(d -> Math.abs(d) <= PRINTED_MHZ);
		}
	}

	/** Prints the share within 0.1 MHz, the median and worst differences and the ten worst rows; the share. */
	private static double report(String what, List<Row> rows, ToDoubleFunction<Row> difference) {
		double[] sorted = rows.stream().mapToDouble(r -> Math.abs(difference.applyAsDouble(r))).sorted().toArray();
		long within = Arrays.stream(sorted).filter(d -> d <= TOLERANCE_MHZ + 1e-9).count();
		double share = (double) within / sorted.length;
		System.out.printf("%s against voacapl, %d rows: %.2f %% within 0.1 MHz, median |difference| %.3f MHz,"
				+ " 99 %% %.3f, worst %.3f%n", what, sorted.length, 100 * share, sorted[sorted.length / 2],
				sorted[(int) (sorted.length * 0.99)], sorted[sorted.length - 1]);
		// the rows of an hour differ only in frequency
		rows.stream()
			.collect(Collectors.toMap(Row::hour, r -> r, (first, other) -> first))
			.values()
			.stream()
			.sorted(Comparator.comparingDouble(r -> -Math.abs(difference.applyAsDouble(r))))
			.limit(10)
			.forEach(r -> System.out.printf("  %s: ours %s VOACAP's MUF %.2f FOT %.2f HPF %.2f: %+.3f%n", r.hour(),
					r.ours(), r.muf(), r.fot(), r.hpf(), difference.applyAsDouble(r)));
		return share;
	}

	private static GeoPoint point(String latitude, String longitude) {
		return new GeoPoint(Double.parseDouble(latitude), Double.parseDouble(longitude));
	}

	private record Row(String hour, CircuitMuf computed, double muf, double fot, double hpf) {

		double mufDifference() {
			return computed.muf() - muf;
		}

		double fotDifference() {
			return computed.fot() - fot;
		}

		double hpfDifference() {
			return computed.hpf() - hpf;
		}

		String ours() {
			return "MUF %.3f FOT %.3f HPF %.3f (E %.2f F1 %.2f F2 %.2f, area %d)".formatted(computed.muf(),
					computed.fot(), computed.hpf(), computed.e().muf(), computed.f1().muf(), computed.f2().muf(),
					computed.controllingArea());
		}

	}

}
