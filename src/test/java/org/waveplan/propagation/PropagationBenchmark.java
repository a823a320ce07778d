package org.waveplan.propagation;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.waveplan.Percentiles;
import org.waveplan.SharedData;
import org.waveplan.propagation.HfccOwnSlots.OwnSlot;

/**
 * Times {@link Propagation#predict}: (a) the 144 cases of voacapl's reference (12 circuits, 4 months, 3 sunspot
 * numbers; each 24 hours x 9 frequencies, 250 kW, isotropic) against method 26 alone on the same cases and, when the system
 * properties {@code voacapl} and {@code itshfbc} name a voacapl binary and its itshfbc directory (its {@code run}
 * directory is written), against voacapl as a process on each case's deck; (b) a real season's own slots, one
 * broadcaster's HFCC entries at every test point of their target zones, grouped into calls three ways (the same
 * REL each way, checked), against method 26 alone. Run with
 * {@code ./mvnw -B -q -Pbench test-compile exec:java -Dbench.main=org.waveplan.propagation.PropagationBenchmark}.
 */
public final class PropagationBenchmark {

	private static final List<Double> FREQUENCIES = List.of(5.9, 6.0, 7.3, 9.5, 11.7, 13.7, 15.3, 17.7, 21.6);

	private static final List<Integer> DAY = IntStream.range(0, 24).boxed().toList();

	private static final double REFERENCE_POWER_KW = 250;

	private static final int WARM_UP_ROUNDS = 3;

	private static final int TIMED_ROUNDS = 5;

	private static final int VOACAPL_WARM_UP = 5;

	/** The broadcaster with the most entries in A26 (China Radio International, 756 of 3,302). */
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

	/** (a); the median wall time of a case, ms. */
	private static double referenceCases(List<Circuit> cases) {
		for (int round = 0; round < WARM_UP_ROUNDS; round++) {
			cases.forEach(c -> sink = digest(PROPAGATION.predict(c)) + method26(c));
		}
		Samples ours = new Samples(cases.size() * TIMED_ROUNDS);
		Samples baseline = new Samples(cases.size() * TIMED_ROUNDS);
		// each case by both back to back, so that the other work on the machine weighs on both alike
		for (int round = 0; round < TIMED_ROUNDS; round++) {
			for (Circuit circuit : cases) {
				ours.time(() -> sink = digest(PROPAGATION.predict(circuit)));
				baseline.time(() -> sink = method26(circuit));
			}
		}
		System.out.printf("(a) %d reference cases (24 hours x 9 frequencies), %d rounds after %d of warm-up, one thread"
				+ " (wall time, and the thread's CPU time in brackets):%n", cases.size(), TIMED_ROUNDS, WARM_UP_ROUNDS);
		System.out.printf("    predict (methods 26 and 30): %s%n", ours);
		System.out.printf("    method 26 alone: %s%n", baseline);
		System.out.printf("    predict takes %.1fx method 26's median time (CPU %.1fx)%n",
				ours.medianWall() / baseline.medianWall(),
				ours.medianCpu() / baseline.medianCpu());
		Map<String, List<Double>> byCircuit = new TreeMap<>();
		for (int i = 0; i < ours.cpu.length; i++) {
			PathGeometry path = PathGeometry.shortPath(cases.get(i % cases.size()).transmitter(),
					cases.get(i % cases.size()).receiver());
			byCircuit.computeIfAbsent("%,6.0f km (%d control points)".formatted(path.distanceKm(),
					path.controlPoints().size()), k -> new ArrayList<>()).add(ours.cpu[i]);
		}
		System.out.print("    predict's median CPU time by circuit:");
		byCircuit.forEach((circuit, millis) -> System.out.printf(" %s %.2f ms;", circuit.strip(),
				Samples.median(millis.stream().mapToDouble(Double::doubleValue).toArray())));
		System.out.println();
		return ours.medianWall();
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
				+ " predict is %.1fx faster%n", millis.length, median, Percentiles.of(millis, 99), median / oursMedian);
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
		System.out.printf("(b) A26 (../shared/data/hfcc), broadcaster %s: %d entries from %d sites, %d entry-test point"
				+ " pairs, %d distinct test points; month %d, SSN %.0f, isotropic antennas at each entry's power%n",
				BROADCASTER, slots.size(), slots.stream().map(OwnSlot::site).distinct().count(),
				slots.stream().mapToInt(s -> s.points().size()).sum(),
				slots.stream().flatMap(s -> s.points().stream()).map(CirafTestPoint::number).distinct().count(),
				SEASON_MONTH, SEASON_SSN);
		SeasonCalls season = SeasonCalls.byHour(slots);
		List<CircuitPrediction> predictions = season.calls().stream().map(PROPAGATION::predict).toList();
		Samples single = seasonRuns(season.calls());
		double parallel = Samples.median(IntStream.range(0, SEASON_RUNS).mapToDouble(run -> {
			long started = System.nanoTime();
			sink = season.calls().parallelStream().mapToDouble(c -> digest(PROPAGATION.predict(c))).sum();
			return (System.nanoTime() - started) / 1e6;
		}).toArray());
		Samples baseline = new Samples(SEASON_RUNS);
		for (int run = 0; run < SEASON_RUNS; run++) {
			baseline.time(() -> season.calls().forEach(c -> sink = method26(c)));
		}
		System.out.printf("    %s: %d predict calls, %,d hours and %,d hour-frequencies computed%n", season.grouping(),
				season.calls().size(), season.hours(), season.hourFrequencies());
		System.out.printf("    one thread: %.0f ms (CPU %.0f ms), %.2f ms an entry (CPU %.2f), %.2f ms a call;"
				+ " parallel stream on %d cores: %.0f ms (%.1fx)%n", single.medianWall(),
				single.medianCpu(), single.medianWall() / slots.size(),
				single.medianCpu() / slots.size(), single.medianWall() / season.calls().size(),
				Runtime.getRuntime().availableProcessors(), parallel, single.medianWall() / parallel);
		System.out.printf("    method 26 alone on the same calls, one thread: %.0f ms (CPU %.0f ms); predict takes %.1fx"
				+ " its time (CPU %.1fx)%n", baseline.medianWall(), baseline.medianCpu(),
				single.medianWall() / baseline.medianWall(),
				single.medianCpu() / baseline.medianCpu());
		double[] medians = season.medianReliabilities(slots, predictions);
		for (SeasonCalls other : List.of(SeasonCalls.byPair(slots), SeasonCalls.perEntry(slots))) {
			Samples timing = seasonRuns(other.calls());
			if (!Arrays.equals(medians,
					other.medianReliabilities(slots, other.calls().stream().map(PROPAGATION::predict).toList()))) {
				throw new IllegalStateException(other.grouping() + " gives other RELs than " + season.grouping());
			}
			System.out.printf("    %s: %d calls, %,d hours and %,d hour-frequencies; one thread %.0f ms (CPU %.0f ms),"
					+ " %.1fx%n", other.grouping(), other.calls().size(), other.hours(), other.hourFrequencies(),
					timing.medianWall(), timing.medianCpu(),
					timing.medianCpu() / single.medianCpu());
		}
		long weak = Arrays.stream(medians).filter(rel -> rel < 0.5).count();
		System.out.printf("    entries whose median REL over their test points and hours is under 0.5: %d of %d"
				+ " (%.0f %%)%n", weak, medians.length, 100. * weak / medians.length);
	}

	private static Samples seasonRuns(List<Circuit> calls) {
		calls.forEach(c -> sink = digest(PROPAGATION.predict(c)));
		Samples samples = new Samples(SEASON_RUNS);
		for (int run = 0; run < SEASON_RUNS; run++) {
			samples.time(() -> calls.forEach(c -> sink = digest(PROPAGATION.predict(c))));
		}
		return samples;
	}

	/**
	 * A season's predict calls, each for a site, a power and a test point (the ends: {@link End}), and where each
	 * entry's hour and frequency at a test point is found.
	 */
	private record SeasonCalls(String grouping, List<Circuit> calls, Map<Asked, Integer> callOf) {

		record End(String site, double powerKw, int testPoint) {
		}

		record Asked(End end, int utcHour, double mhz) {
		}

		/**
		 * Per ends, the hours that need the same frequencies in one call (up to 11 frequencies): nothing computed that
		 * no entry asks for.
		 */
		static SeasonCalls byHour(List<OwnSlot> slots) {
			SeasonCalls season = new SeasonCalls("a call per site, power, test point and set of frequencies in an hour",
					new ArrayList<>(), new HashMap<>());
			needs(slots).forEach((end, needs) -> {
				Map<Set<Double>, TreeSet<Integer>> hoursByFrequencies = new LinkedHashMap<>();
				Map<Integer, TreeSet<Double>> frequenciesByHour = new TreeMap<>();
				needs.hoursByMhz().forEach((mhz, hours) -> hours
					.forEach(hour -> frequenciesByHour.computeIfAbsent(hour, h -> new TreeSet<>()).add(mhz)));
				frequenciesByHour.forEach((hour, mhz) -> hoursByFrequencies
					.computeIfAbsent(Set.copyOf(mhz), f -> new TreeSet<>()).add(hour));
				hoursByFrequencies.forEach((mhz, hours) -> season.add(end, needs.ends(), new TreeSet<>(mhz), hours));
			});
			return season;
		}

		/** Per ends, their frequencies, up to 11 in a call, over the hours any of the call's frequencies needs. */
		static SeasonCalls byPair(List<OwnSlot> slots) {
			SeasonCalls season = new SeasonCalls("a call per site, power and test point (up to 11 frequencies) over"
					+ " the hours they need", new ArrayList<>(), new HashMap<>());
			needs(slots).forEach((end, needs) -> {
				List<Double> mhz = List.copyOf(needs.hoursByMhz().keySet());
				for (int from = 0; from < mhz.size(); from += Circuit.MAX_FREQUENCIES) {
					List<Double> chunk = mhz.subList(from, Math.min(mhz.size(), from + Circuit.MAX_FREQUENCIES));
					TreeSet<Integer> hours = new TreeSet<>();
					chunk.forEach(f -> hours.addAll(needs.hoursByMhz().get(f)));
					season.add(end, needs.ends(), new TreeSet<>(chunk), hours);
				}
			});
			return season;
		}

		/** Without grouping: a call per entry and test point. */
		static SeasonCalls perEntry(List<OwnSlot> slots) {
			SeasonCalls season = new SeasonCalls("a call per entry and test point", new ArrayList<>(),
					new HashMap<>());
			for (OwnSlot slot : slots) {
				for (CirafTestPoint point : slot.points()) {
					season.add(new End(slot.site(), slot.powerKw(), point.number()),
							new GeoPoint[] { slot.position(), point.position() }, new TreeSet<>(List.of(slot.mhz())),
							new TreeSet<>(slot.utcHours()));
				}
			}
			return season;
		}

		private record Needs(GeoPoint[] ends, TreeMap<Double, TreeSet<Integer>> hoursByMhz) {
		}

		private static Map<End, Needs> needs(List<OwnSlot> slots) {
			Map<End, Needs> needs = new LinkedHashMap<>();
			for (OwnSlot slot : slots) {
				for (CirafTestPoint point : slot.points()) {
					needs.computeIfAbsent(new End(slot.site(), slot.powerKw(), point.number()),
							e -> new Needs(new GeoPoint[] { slot.position(), point.position() }, new TreeMap<>()))
						.hoursByMhz()
						.computeIfAbsent(slot.mhz(), f -> new TreeSet<>())
						.addAll(slot.utcHours());
				}
			}
			return needs;
		}

		private void add(End end, GeoPoint[] ends, SortedSet<Double> frequencies, SortedSet<Integer> hours) {
			List<Double> mhz = List.copyOf(frequencies);
			for (int from = 0; from < mhz.size(); from += Circuit.MAX_FREQUENCIES) {
				List<Double> chunk = mhz.subList(from, Math.min(mhz.size(), from + Circuit.MAX_FREQUENCIES));
				for (double f : chunk) {
					for (int hour : hours) {
						callOf.put(new Asked(end, hour, f), calls.size());
					}
				}
				calls.add(new Circuit(ends[0], ends[1], SEASON_MONTH, SEASON_SSN, List.copyOf(hours), chunk,
						end.powerKw(), 0, 0));
			}
		}

		long hours() {
			return calls.stream().mapToLong(c -> c.utcHours().size()).sum();
		}

		long hourFrequencies() {
			return calls.stream().mapToLong(c -> (long) c.utcHours().size() * c.frequencies().size()).sum();
		}

		/** Each entry's median REL over its test points and hours. */
		double[] medianReliabilities(List<OwnSlot> slots, List<CircuitPrediction> predictions) {
			return slots.stream().mapToDouble(slot -> {
				double[] rel = slot.points().stream().flatMapToDouble(point -> slot.utcHours().stream().mapToDouble(hour -> {
					CircuitPrediction prediction = predictions
						.get(callOf.get(new Asked(new End(slot.site(), slot.powerKw(), point.number()), hour,
								slot.mhz())));
					return prediction.hours()
						.stream()
						.filter(h -> h.utcHour() == hour)
						.flatMap(h -> h.frequencies().stream())
						.filter(f -> f.mhz() == slot.mhz())
						.findFirst()
						.orElseThrow()
						.reliability();
				})).sorted().toArray();
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
			sum += ionosphere.hour(hour, Propagation.MINIMUM_ELEVATION).muf().muf();
		}
		return sum;
	}

	/** A figure that depends on the prediction, for the sink. */
	private static double digest(CircuitPrediction prediction) {
		return prediction.hours().get(0).frequencies().get(0).reliability() + prediction.hours().get(0).muf();
	}

	/** Wall and CPU time (of the calling thread: what other work on the machine leaves out), ms. */
	private static final class Samples {

		private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

		final double[] wall;

		final double[] cpu;

		private int taken;

		Samples(int size) {
			wall = new double[size];
			cpu = new double[size];
		}

		void time(Runnable task) {
			long cpuStarted = THREADS.getCurrentThreadCpuTime();
			long started = System.nanoTime();
			task.run();
			wall[taken] = (System.nanoTime() - started) / 1e6;
			cpu[taken++] = (THREADS.getCurrentThreadCpuTime() - cpuStarted) / 1e6;
		}

		double medianWall() {
			return median(wall.clone());
		}

		double medianCpu() {
			return median(cpu.clone());
		}

		static double median(double[] millis) {
			Arrays.sort(millis);
			return Percentiles.of(millis, 50);
		}

		@Override
		public String toString() {
			double[] w = wall.clone();
			double[] c = cpu.clone();
			Arrays.sort(w);
			Arrays.sort(c);
			return "median %.2f ms (%.2f), p99 %.2f ms (%.2f), max %.2f ms (%.2f) a case, %.0f cases/s (%.0f)".formatted(
					Percentiles.of(w, 50), Percentiles.of(c, 50), Percentiles.of(w, 99), Percentiles.of(c, 99),
					w[w.length - 1], c[c.length - 1], 1000 * w.length / Arrays.stream(w).sum(),
					1000 * c.length / Arrays.stream(c).sum());
		}

	}

}
