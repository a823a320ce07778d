package org.waveplan.propagation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

import org.waveplan.Percentiles;
import org.waveplan.SharedData;
import org.waveplan.propagation.HfccOwnSlots.OwnSlot;

/**
 * Times {@link Propagation#predict}: (a) the cases of voacapl's reference (12 circuits, 4 months, 3 sunspot numbers;
 * each 24 hours x 9 frequencies, 250 kW, isotropic) against method 26 alone on the same cases and, when the system
 * properties {@code voacapl} and {@code itshfbc} name a voacapl binary and its itshfbc directory (its {@code run}
 * directory is written), against voacapl as a process on each case's deck; (b) a real season's own slots, one
 * broadcaster's HFCC entries at every test point of their target zones. Run with
 * {@code ./mvnw -B -q -Pbench test-compile exec:java -Dbench.main=org.waveplan.propagation.PropagationBenchmark}.
 */
public final class PropagationBenchmark {

	private static final List<Double> FREQUENCIES = List.of(5.9, 6.0, 7.3, 9.5, 11.7, 13.7, 15.3, 17.7, 21.6);

	private static final List<Integer> DAY = IntStream.range(0, 24).boxed().toList();

	private static final double REFERENCE_POWER_KW = 250;

	private static final int WARM_UP_ROUNDS = 3;

	private static final int TIMED_ROUNDS = 5;

	private static final int VOACAPL_WARM_UP = 5;

	/** The broadcaster with the most entries in A26 (China Radio International, 756 of 3,300). */
	private static final String BROADCASTER = "CRI";

	/** A26 runs from the end of March to the end of October. */
	private static final int SEASON_MONTH = 7;

	/** The demo table's July 2026 (106.7), rounded. */
	private static final double SEASON_SSN = 107;

	private static final int SEASON_RUNS = 3;

	private static final Propagation PROPAGATION = new Propagation();

	private static final CoefficientMaps COEFFICIENTS = new CoefficientMaps();

	/** What the timed calls return goes here, so that the JIT cannot drop them. */
	private static volatile double sink;

	private PropagationBenchmark() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		System.out.printf("%d cores, %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name")
				+ " " + System.getProperty("java.version"));
		List<Circuit> cases = referenceCases();
		double oursMedian = referenceCases(cases);
		String voacapl = System.getProperty("voacapl");
		String itshfbc = System.getProperty("itshfbc");
		if (voacapl != null && itshfbc != null) {
			againstVoacapl(cases, oursMedian, Path.of(voacapl), Path.of(itshfbc));
		}
		season();
	}

	/** (a); the median ms per case. */
	private static double referenceCases(List<Circuit> cases) {
		for (int round = 0; round < WARM_UP_ROUNDS; round++) {
			cases.forEach(c -> sink = digest(PROPAGATION.predict(c)) + method26(c));
		}
		double[] ours = new double[cases.size() * TIMED_ROUNDS];
		double[] baseline = new double[ours.length];
		int sample = 0;
		// each case by both back to back, so that the other work on the machine weighs on both alike
		for (int round = 0; round < TIMED_ROUNDS; round++) {
			for (Circuit circuit : cases) {
				ours[sample] = millis(circuit, c -> digest(PROPAGATION.predict(c)));
				baseline[sample++] = millis(circuit, PropagationBenchmark::method26);
			}
		}
		double oursTotal = Arrays.stream(ours).sum();
		double baselineTotal = Arrays.stream(baseline).sum();
		Arrays.sort(ours);
		Arrays.sort(baseline);
		double median = Percentiles.of(ours, 50);
		System.out.printf("(a) %d reference cases (24 hours x 9 frequencies), %d rounds after %d of warm-up, one thread:%n",
				cases.size(), TIMED_ROUNDS, WARM_UP_ROUNDS);
		System.out.printf("    predict (methods 26 and 30): median %.2f ms, p99 %.2f ms, max %.2f ms a case,"
				+ " %.0f cases/s%n", median, Percentiles.of(ours, 99), ours[ours.length - 1],
				1000 * ours.length / oursTotal);
		System.out.printf("    method 26 alone: median %.2f ms, p99 %.2f ms, %.0f cases/s; predict takes %.1fx"
				+ " method 26's time (total %.1fx)%n", Percentiles.of(baseline, 50), Percentiles.of(baseline, 99),
				1000 * baseline.length / baselineTotal, median / Percentiles.of(baseline, 50),
				oursTotal / baselineTotal);
		return median;
	}

	/** (a) against voacapl: each case's deck (as the reference's README gives it) run once as a process. */
	private static void againstVoacapl(List<Circuit> cases, double oursMedian, Path voacapl, Path itshfbc)
			throws IOException, InterruptedException {
		for (int i = 0; i < VOACAPL_WARM_UP; i++) {
			voacaplMillis(cases.get(i), voacapl, itshfbc);
		}
		double[] millis = new double[cases.size()];
		for (int i = 0; i < millis.length; i++) {
			millis[i] = voacaplMillis(cases.get(i), voacapl, itshfbc);
		}
		Arrays.sort(millis);
		double median = Percentiles.of(millis, 50);
		System.out.printf("    voacapl (method 30, a process a case, %d cases): median %.1f ms, p99 %.1f ms a case;"
				+ " predict is %.0fx faster%n", millis.length, median, Percentiles.of(millis, 99), median / oursMedian);
	}

	private static double voacaplMillis(Circuit circuit, Path voacapl, Path itshfbc)
			throws IOException, InterruptedException {
		Path run = itshfbc.resolve("run");
		Path output = run.resolve("voacapx.out");
		Files.writeString(run.resolve("voacapx.dat"), deck(circuit));
		Files.deleteIfExists(output);
		long started = System.nanoTime();
		Process process = new ProcessBuilder(voacapl.toString(), itshfbc.toString())
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectErrorStream(true)
			.start();
		int exit = process.waitFor();
		double millis = (System.nanoTime() - started) / 1e6;
		if (exit != 0 || !Files.isRegularFile(output)
				|| Files.readAllLines(output).stream().filter(l -> l.stripTrailing().endsWith("FREQ")).count() < 24) {
			throw new IllegalStateException("voacapl exited " + exit + " without 24 hours in " + output);
		}
		return millis;
	}

	// the reference's deck (../shared/data/voacap/README.md), as src/test/voacap/predictions.py writes it
	private static String deck(Circuit c) {
		StringBuilder frequencies = new StringBuilder();
		c.frequencies().forEach(f -> frequencies.append("%5.2f".formatted(f)));
		return String.join("\n", "LINEMAX      55       number of lines-per-page", "COEFFS    CCIR",
				"TIME          1   24    1    1", "MONTH      2024%5.2f".formatted((double) c.month()),
				"SUNSPOT   %4d.".formatted((int) c.ssn()), "LABEL     SITE                RECEIVER",
				"CIRCUIT   %s%s  S     0".formatted(card(c.transmitter(), 5), card(c.receiver(), 9)),
				"SYSTEM       1. 150. 3.00  90. 73.0 3.00 0.10", "FPROB      1.00 1.00 1.00 0.00",
				"ANTENNA       1    1    2   30     0.000[default/isotrope     ]  0.0  250.0000",
				"ANTENNA       2    2    2   30     0.000[default/isotrope     ]  0.0    0.0000",
				"FREQUENCY  " + frequencies + " 0.00 0.00", "METHOD       30    0", "EXECUTE", "QUIT", "");
	}

	private static String card(GeoPoint point, int width) {
		return ("%" + width + ".2f%s%9.2f%s").formatted(Math.abs(point.latitude()), point.latitude() >= 0 ? "N" : "S",
				Math.abs(point.longitude()), point.longitude() >= 0 ? "E" : "W");
	}

	/** (b) */
	private static void season() {
		List<OwnSlot> slots = HfccOwnSlots.read(SharedData.require("hfcc/A26all00.TXT"),
				SharedData.require("hfcc/site.txt"), BROADCASTER);
		SeasonCalls season = SeasonCalls.of(slots);
		System.out.printf("(b) A26 (../shared/data/hfcc), broadcaster %s: %d entries from %d sites, %d entry-test point"
				+ " pairs, %d distinct test points; month %d, SSN %.0f, isotropic antennas at each entry's power%n",
				BROADCASTER, slots.size(), slots.stream().map(OwnSlot::site).distinct().count(),
				slots.stream().mapToInt(s -> s.points().size()).sum(),
				slots.stream().flatMap(s -> s.points().stream()).map(CirafTestPoint::number).distinct().count(),
				SEASON_MONTH, SEASON_SSN);
		System.out.printf("    %d predict calls (one per site, power and test point, up to 11 frequencies);"
				+ " %,d hour-frequencies computed for the %,d asked for%n", season.calls().size(),
				season.calls().stream().mapToLong(c -> (long) c.utcHours().size() * c.frequencies().size()).sum(),
				season.asked());

		List<CircuitPrediction> predictions = season.calls().stream().map(PROPAGATION::predict).toList();
		double single = medianMillis(() -> season.calls().forEach(c -> sink = digest(PROPAGATION.predict(c))));
		double parallel = medianMillis(
				() -> sink = season.calls().parallelStream().mapToDouble(c -> digest(PROPAGATION.predict(c))).sum());
		double baseline = medianMillis(() -> season.calls().forEach(c -> sink = method26(c)));
		List<Circuit> ungrouped = slots.stream()
			.flatMap(slot -> slot.points()
				.stream()
				.map(point -> new Circuit(slot.position(), point.position(), SEASON_MONTH, SEASON_SSN,
						slot.utcHours(), List.of(slot.mhz()), slot.powerKw(), 0, 0)))
			.toList();
		double each = medianMillis(() -> ungrouped.forEach(c -> sink = digest(PROPAGATION.predict(c))));
		System.out.printf("    one thread: %.0f ms (%.2f ms an entry, %.2f ms a call); parallel stream on %d cores:"
				+ " %.0f ms (%.1fx)%n", single, single / slots.size(), single / season.calls().size(),
				Runtime.getRuntime().availableProcessors(), parallel, single / parallel);
		System.out.printf("    method 26 alone, one thread: %.0f ms; predict takes %.1fx its time%n", baseline,
				single / baseline);
		System.out.printf("    without grouping, a call per entry and test point (%d calls), one thread: %.0f ms (%.1fx)%n",
				ungrouped.size(), each, each / single);

		double[] medians = season.medianReliabilities(slots, predictions);
		long weak = Arrays.stream(medians).filter(rel -> rel < 0.5).count();
		System.out.printf("    entries whose median REL over their test points and hours is under 0.5: %d of %d"
				+ " (%.0f %%)%n", weak, medians.length, 100. * weak / medians.length);
	}

	/**
	 * A season's predict calls: per site, power and test point, the frequencies its entries use (in calls of up to 11)
	 * over the hours they need.
	 */
	private record SeasonCalls(List<Circuit> calls, Map<End, Map<Double, Integer>> callOf, long asked) {

		record End(String site, double powerKw, int testPoint) {
		}

		static SeasonCalls of(List<OwnSlot> slots) {
			Map<End, TreeMap<Double, TreeSet<Integer>>> needs = new LinkedHashMap<>();
			Map<End, GeoPoint[]> positions = new HashMap<>();
			long asked = 0;
			for (OwnSlot slot : slots) {
				for (CirafTestPoint point : slot.points()) {
					End end = new End(slot.site(), slot.powerKw(), point.number());
					positions.put(end, new GeoPoint[] { slot.position(), point.position() });
					needs.computeIfAbsent(end, e -> new TreeMap<>())
						.computeIfAbsent(slot.mhz(), f -> new TreeSet<>())
						.addAll(slot.utcHours());
					asked += slot.utcHours().size();
				}
			}
			List<Circuit> calls = new ArrayList<>();
			Map<End, Map<Double, Integer>> callOf = new HashMap<>();
			needs.forEach((end, hoursByMhz) -> {
				List<Double> mhz = List.copyOf(hoursByMhz.keySet());
				for (int from = 0; from < mhz.size(); from += Circuit.MAX_FREQUENCIES) {
					List<Double> chunk = mhz.subList(from, Math.min(mhz.size(), from + Circuit.MAX_FREQUENCIES));
					TreeSet<Integer> hours = new TreeSet<>();
					chunk.forEach(f -> hours.addAll(hoursByMhz.get(f)));
					int call = calls.size();
					chunk.forEach(f -> callOf.computeIfAbsent(end, e -> new HashMap<>()).put(f, call));
					GeoPoint[] ends = positions.get(end);
					calls.add(new Circuit(ends[0], ends[1], SEASON_MONTH, SEASON_SSN, List.copyOf(hours), chunk,
							end.powerKw(), 0, 0));
				}
			});
			return new SeasonCalls(calls, callOf, asked);
		}

		/** Each entry's median REL over its test points and hours. */
		double[] medianReliabilities(List<OwnSlot> slots, List<CircuitPrediction> predictions) {
			return slots.stream().mapToDouble(slot -> {
				double[] rel = slot.points().stream().flatMapToDouble(point -> {
					CircuitPrediction prediction = predictions
						.get(callOf.get(new End(slot.site(), slot.powerKw(), point.number())).get(slot.mhz()));
					return prediction.hours()
						.stream()
						.filter(h -> slot.utcHours().contains(h.utcHour()))
						.flatMap(h -> h.frequencies().stream())
						.filter(f -> f.mhz() == slot.mhz())
						.mapToDouble(CircuitPrediction.Frequency::reliability);
				}).sorted().toArray();
				return rel.length % 2 == 1 ? rel[rel.length / 2] : (rel[rel.length / 2 - 1] + rel[rel.length / 2]) / 2;
			}).toArray();
		}

	}

	/** The 144 cases of voacapl's reference (3 sites x 4 receivers, 4 months, 3 sunspot numbers), in its order. */
	private static List<Circuit> referenceCases() throws IOException {
		List<String> lines = Files.readAllLines(SharedData.require("voacap/reference.csv"));
		Map<String, Circuit> cases = new LinkedHashMap<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] f = line.split(",");
			cases.computeIfAbsent(String.join(",", Arrays.asList(f).subList(0, 8)),
					k -> new Circuit(point(f[1], f[2]), point(f[4], f[5]), Integer.parseInt(f[6]),
							Double.parseDouble(f[7]), DAY, FREQUENCIES, REFERENCE_POWER_KW, 0, 0));
		}
		return List.copyOf(cases.values());
	}

	private static GeoPoint point(String latitude, String longitude) {
		return new GeoPoint(Double.parseDouble(latitude), Double.parseDouble(longitude));
	}

	/** Method 26 alone over the circuit's hours, as {@link Propagation#predict} sets it up. */
	private static double method26(Circuit c) {
		PathIonosphere ionosphere = new PathIonosphere(PathGeometry.shortPath(c.transmitter(), c.receiver()),
				c.month(), COEFFICIENTS.maps(c.month(), c.ssn()));
		double sum = 0;
		for (int hour : c.utcHours()) {
			sum += ionosphere.muf(hour, Propagation.MINIMUM_ELEVATION).muf();
		}
		return sum;
	}

	/** A figure that depends on the prediction, for the sink. */
	private static double digest(CircuitPrediction prediction) {
		return prediction.hours().get(0).frequencies().get(0).reliability() + prediction.hours().get(0).muf();
	}

	private static double millis(Circuit circuit, ToDoubleFunction<Circuit> task) {
		long started = System.nanoTime();
		sink = task.applyAsDouble(circuit);
		return (System.nanoTime() - started) / 1e6;
	}

	private static double medianMillis(Runnable task) {
		double[] millis = new double[SEASON_RUNS];
		for (int i = 0; i < SEASON_RUNS; i++) {
			long started = System.nanoTime();
			task.run();
			millis[i] = (System.nanoTime() - started) / 1e6;
		}
		Arrays.sort(millis);
		return Percentiles.of(millis, 50);
	}

}
