package org.waveplan.propagation;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.waveplan.SharedData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Method 30 through the public {@link Propagation} against every row of voacapl's reference
 * ({@code ../shared/data/voacap/reference.csv}, its README gives the deck): per row the most reliable mode, the
 * circuit reliability, the median SNR and signal power: short paths, the 7,000-10,000 km blend and the long-path
 * model.
 */
class PredictionAgainstReferenceTest {

	private static final List<Double> FREQUENCIES = List.of(5.9, 6.0, 7.3, 9.5, 11.7, 13.7, 15.3, 17.7, 21.6);

	private static final List<Integer> HOURS = IntStream.range(0, 24).boxed().toList();

	private final Propagation propagation = new Propagation();

	@Test
	void modeReliabilitySnrAndSignalAreVoacaps() throws IOException {
		List<Row> rows = predicted(Files.readAllLines(SharedData.require("voacap/reference.csv")), 17);
		assertThat(rows).hasSize(31_104);
		assertExact(rows);
	}

	/**
	 * Circuits the reference lacks, predicted by voacapl with the same deck ({@code src/test/voacap/predictions.py}):
	 * three and five control points, the blend, and the long-path model beyond 10,000 km.
	 */
	@Test
	void otherCircuitsAreVoacaps() throws IOException {
		List<String> lines;
		try (var in = getClass().getResourceAsStream("/propagation/voacap-circuits.csv")) {
			lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).lines().toList();
		}
		List<Row> rows = predicted(lines, 15);
		assertThat(rows).hasSize(5_184);
		assertExact(rows);
	}

	/**
	 * The figures are VOACAP's to its printed digits (0.01, 1 dB) on every row, beyond issue 13's bars (REL within
	 * 0.02 on 95 % and 0.1 on 99 %, SNR and signal 1 dB on 95 % and 3 dB on 99 %, the mode on 95 %).
	 */
	private static void assertExact(List<Row> rows) {
		assertThat(report("REL", rows, r -> r.ours().reliability() - r.rel(), 0.02, 0.1)).containsOnly(1.);
		assertThat(report("SNR", rows, r -> r.ours().snrDb() - r.snr(), 1, 3)).containsOnly(1.);
		assertThat(report("SDBW", rows, r -> r.ours().signalDbw() - r.sdbw(), 1, 3)).containsOnly(1.);
		assertThat(sameMode(rows)).isEqualTo(1.);
	}

	/** Each case (site, receiver, month, SSN) predicted once; a row per line with ours beside VOACAP's. */
	private List<Row> predicted(List<String> lines, int figures) {
		Map<String, List<String[]>> cases = new LinkedHashMap<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] f = line.split(",");
			cases.computeIfAbsent(String.join(" ", f[0], f[3], f[6], f[7]), k -> new ArrayList<>()).add(f);
		}
		List<Row> rows = new ArrayList<>();
		int mode = figures - 3;
		for (Map.Entry<String, List<String[]>> c : cases.entrySet()) {
			String[] first = c.getValue().get(0);
			CircuitPrediction prediction = propagation.predict(new Circuit(point(first[1], first[2]),
					point(first[4], first[5]), Integer.parseInt(first[6]), Double.parseDouble(first[7]), HOURS,
					FREQUENCIES, 250., 0., 0.));
			for (String[] f : c.getValue()) {
				int hour = Integer.parseInt(f[8]);
				double mhz = Double.parseDouble(f[mode - 1]);
				CircuitPrediction.Frequency ours = prediction.hours().get(hour).frequencies().get(
						FREQUENCIES.indexOf(mhz));
				rows.add(new Row("%s %02d UTC %.1f MHz".formatted(c.getKey(), hour, mhz),
						Double.parseDouble(f[9]), ours, f[mode], Double.parseDouble(f[mode + 1]),
						Double.parseDouble(f[mode + 2]), Double.parseDouble(f[mode + 3])));
			}
		}
		return rows;
	}

	private static double sameMode(List<Row> rows) {
		long same = rows.stream().filter(r -> r.mode().equals(r.ours().mode())).count();
		System.out.printf("mode against voacapl, %d rows: %.2f %% the same%n", rows.size(), 100. * same / rows.size());
		rows.stream().filter(r -> !r.mode().equals(r.ours().mode())).limit(10)
			.forEach(r -> System.out.printf("  %s: ours %s VOACAP's %s%n", r.name(), r.ours().mode(), r.mode()));
		return (double) same / rows.size();
	}

	/** Prints the shares within the two bounds, the worst difference and the ten worst rows; the two shares. */
	private static double[] report(String what, List<Row> rows, ToDoubleFunction<Row> difference, double close,
			double far) {
		double[] sorted = rows.stream().mapToDouble(r -> Math.abs(difference.applyAsDouble(r))).sorted().toArray();
		double closeShare = (double) Arrays.stream(sorted).filter(d -> d <= close + 1e-9).count() / sorted.length;
		double farShare = (double) Arrays.stream(sorted).filter(d -> d <= far + 1e-9).count() / sorted.length;
		System.out.printf("%s against voacapl, %d rows: %.2f %% within %s, %.2f %% within %s, worst %.3f%n", what,
				sorted.length, 100 * closeShare, close, 100 * farShare, far, sorted[sorted.length - 1]);
		rows.stream()
			.sorted(Comparator.comparingDouble(r -> -Math.abs(difference.applyAsDouble(r))))
			.limit(10)
			.forEach(r -> System.out.printf("  %s (%.0f km): ours %s, VOACAP's %s REL %.2f SNR %.0f SDBW %.0f%n",
					r.name(), r.distanceKm(), r.ours(), r.mode(), r.rel(), r.snr(), r.sdbw()));
		return new double[] { closeShare, farShare };
	}

	private static GeoPoint point(String latitude, String longitude) {
		return new GeoPoint(Double.parseDouble(latitude), Double.parseDouble(longitude));
	}

	private record Row(String name, double distanceKm, CircuitPrediction.Frequency ours, String mode, double rel,
			double snr, double sdbw) {
	}

}
