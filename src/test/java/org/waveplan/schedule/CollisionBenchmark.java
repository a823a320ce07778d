package org.waveplan.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.waveplan.Percentiles;
import org.waveplan.schedule.FrequencyBand.Kind;

/**
 * Times {@link CollisionEngine} on a synthetic season, generated from a fixed seed: the full
 * check of 100,000 slots, the check of one new slot against them, and the engine against
 * {@link AllPairsCheck} on a subset. Run with {@code ./mvnw -B -q -Pbench test-compile exec:java}.
 */
public final class CollisionBenchmark {

	private static final int OWN_SLOTS = 100_000;

	private static final int EXTERNAL_ENTRIES = 10_000;

	private static final int NEW_SLOTS = 10_000;

	private static final int SUBSET = 20_000;

	private CollisionBenchmark() {
	}

	public static void main(String[] args) {
		SyntheticSeason season = new SyntheticSeason(new Random(2026));
		List<Emission> own = season.ownSlots(OWN_SLOTS);
		List<Emission> external = season.externalEntries(EXTERNAL_ENTRIES);
		System.out.printf("Season A26: %,d own slots on %d transmitters at %d sites, %,d external entries%n",
				own.size(), season.transmitters.size(), season.sites.size(), external.size());

		CollisionEngine engine = new CollisionEngine(own, external);
		ConflictReport report = engine.checkAll();
		Timing full = time(3, 7, engine::checkAll);
		System.out.printf("(a) checkAll, %,d slots: median %.1f ms of %d runs (min %.1f, max %.1f)%n", own.size(),
				full.median(), full.runs(), full.min(), full.max());
		System.out.printf("    hard conflicts %,d %s%n", report.hard().size(), countByType(report.hard()));
		System.out.printf("    collisions %,d %s%n", report.collisions().size(), countByType(report.collisions()));

		double[] micros = checkLatencies(engine, season.newSlots(NEW_SLOTS, 1_000_001));
		System.out.printf("(b) check, %,d new slots against %,d: median %.1f us, p99 %.1f us, max %.1f us%n",
				micros.length, own.size(), Percentiles.of(micros, 50), Percentiles.of(micros, 99), micros[micros.length - 1]);

		List<Emission> ownSubset = own.subList(0, SUBSET);
		List<Emission> externalSubset = external.subList(0, external.size() * SUBSET / own.size());
		CollisionEngine subsetEngine = new CollisionEngine(ownSubset, externalSubset);
		ConflictReport indexed = subsetEngine.checkAll();
		Timing sweep = time(5, 7, subsetEngine::checkAll);
		long started = System.nanoTime();
		ConflictReport allPairs = AllPairsCheck.checkAll(ownSubset, externalSubset);
		double allPairsMillis = (System.nanoTime() - started) / 1e6;
		int conflicts = indexed.hard().size() + indexed.collisions().size();
		int expected = allPairs.hard().size() + allPairs.collisions().size();
		if (conflicts != expected || !AllPairsCheck.keys(indexed).equals(AllPairsCheck.keys(allPairs))) {
			throw new IllegalStateException("checkAll found " + conflicts + " conflicts, all pairs " + expected);
		}
		System.out.printf("(c) %,d slots + %,d external: checkAll %.1f ms, all pairs %.1f ms, %.0fx faster; "
				+ "both find %,d conflicts%n", ownSubset.size(), externalSubset.size(), sweep.median(), allPairsMillis,
				allPairsMillis / sweep.median(), conflicts);
	}

	private record Timing(int runs, double median, double min, double max) {
	}

	private static Timing time(int warmups, int runs, Supplier<?> task) {
		for (int i = 0; i < warmups; i++) {
			task.get();
		}
		double[] millis = new double[runs];
		for (int i = 0; i < runs; i++) {
			long started = System.nanoTime();
			task.get();
			millis[i] = (System.nanoTime() - started) / 1e6;
		}
		Arrays.sort(millis);
		return new Timing(runs, Percentiles.of(millis, 50), millis[0], millis[runs - 1]);
	}

	// sorted, in microseconds; the first pass over the new slots only warms up
	private static double[] checkLatencies(CollisionEngine engine, List<Emission> slots) {
		slots.forEach(engine::check);
		double[] micros = new double[slots.size()];
		for (int i = 0; i < micros.length; i++) {
			long started = System.nanoTime();
			engine.check(slots.get(i));
			micros[i] = (System.nanoTime() - started) / 1e3;
		}
		Arrays.sort(micros);
		return micros;
	}

	private static Map<Conflict.Type, Integer> countByType(List<Conflict> conflicts) {
		Map<Conflict.Type, Integer> counts = new EnumMap<>(Conflict.Type.class);
		conflicts.forEach(c -> counts.merge(c.type(), 1, Integer::sum));
		return counts;
	}

	/**
	 * A season as a planner lays it out: each transmitter fills the day with blocks of 30 to 120
	 * min, a retune gap apart, changing programme (days, frequency, target) from block to block
	 * and a few times in the season. Bands follow the time of day, and of a few channels the
	 * planner takes the one least used around then. A few slips (a block moved onto its
	 * neighbour, no retune gap, a borrowed antenna, a frequency the transmitter cannot tune) give
	 * hard conflicts; collisions come from the crowded bands.
	 */
	private static final class SyntheticSeason {

		private static final Season SEASON = Season.parse("A26");

		private static final String[] AREAS = { "27,28", "28,29", "18,27,28", "27-29,37", "28NE,29", "28S,38N", "37,38",
				"38-40", "39-41", "29,30,40", "40,41", "41,42", "43,44", "44,45", "49,54", "46,47", "46NE,47NW,48",
				"47,48,52", "53,57", "57,58", "12,13", "14,15", "4-8", "10,11" };

		// Monday 0 ... Sunday 6; each set of groups covers the week once
		private static final int[][][] DAY_GROUPS = { { { 0, 1, 2, 3, 4, 5, 6 } }, { { 0, 1, 2, 3, 4 }, { 5, 6 } },
				{ { 0, 1, 2, 3, 4, 5 }, { 6 } }, { { 0, 1, 2, 3, 4 }, { 5 }, { 6 } },
				{ { 0, 1, 2, 3 }, { 4 }, { 5, 6 } }, { { 0, 2, 4 }, { 1, 3 }, { 5 }, { 6 } },
				{ { 0 }, { 1 }, { 2 }, { 3 }, { 4 }, { 5 }, { 6 } }, { { 0, 1 }, { 2, 3 }, { 4, 5 }, { 6 } } };

		private static final int[] DURATIONS = { 30, 30, 45, 60, 60, 60, 90, 120 };

		private static final int[] RETUNE_MINUTES = { 0, 2, 5, 10 };

		private final Random random;

		private final List<Site> sites = new ArrayList<>();

		private final List<Transmitter> transmitters = new ArrayList<>();

		// carriers on the air per 5 kHz channel and quarter hour of the week
		private final short[][] occupancy = new short[26100 / BandPlan.SW_RASTER_KHZ + 2][];

		private long nextId = 1;

		SyntheticSeason(Random random) {
			this.random = random;
			long antenna = 1;
			for (int s = 0; s < 30; s++) {
				int region = s < 18 ? 1 : s < 24 ? 3 : 2;
				List<CirafZones> areas = new ArrayList<>();
				for (int a = 2 + random.nextInt(4); a > 0; a--) {
					areas.add(CirafZones.parse(AREAS[random.nextInt(AREAS.length)]));
				}
				Site site = new Site(region, areas, new ArrayList<>());
				sites.add(site);
				for (int t = 4 + random.nextInt(12); t > 0; t--) {
					long[] antennas = new long[2 + random.nextInt(3)];
					for (int a = 0; a < antennas.length; a++) {
						antennas[a] = antenna++;
					}
					boolean older = random.nextInt(5) == 0;
					int retune = RETUNE_MINUTES[random.nextInt(RETUNE_MINUTES.length)];
					Transmitter tx = new Transmitter(transmitters.size() + 1, site, retune, older ? 5900 : 3900,
							older ? 17900 : 26100, antennas);
					transmitters.add(tx);
					site.transmitters().add(tx);
				}
			}
		}

		/** Every transmitter's season, then as many of the slots, in random order, as asked for. */
		List<Emission> ownSlots(int count) {
			List<Emission> slots = new ArrayList<>();
			for (Transmitter tx : transmitters) {
				for (LocalDate[] period : periods()) {
					plan(tx, period[0], period[1], slots);
				}
			}
			if (slots.size() < count) {
				throw new IllegalStateException("planned only " + slots.size() + " slots");
			}
			Collections.shuffle(slots, random);
			return new ArrayList<>(slots.subList(0, count));
		}

		/** Slots that a planner might add, each on its own, with ids from {@code firstId}. */
		List<Emission> newSlots(int count, long firstId) {
			List<Emission> slots = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				Transmitter tx = transmitters.get(random.nextInt(transmitters.size()));
				int start = 5 * random.nextInt(288);
				int[][] groups = DAY_GROUPS[random.nextInt(DAY_GROUPS.length)];
				int[] days = groups[random.nextInt(groups.length)];
				int duration = DURATIONS[random.nextInt(DURATIONS.length)];
				slots.add(slot(firstId + i, tx, start, duration, days, SEASON.firstDay(), SEASON.lastDay(),
						leastUsed(tx, start, duration, days, 2), area(tx)));
			}
			return slots;
		}

		/** Other broadcasters on the same bands; one in ten without targets, as EiBi lists them. */
		List<Emission> externalEntries(int count) {
			List<Emission> entries = new ArrayList<>();
			for (int id = 1; id <= count; id++) {
				Transmitter like = transmitters.get(random.nextInt(transmitters.size()));
				int start = 5 * random.nextInt(288);
				int duration = DURATIONS[random.nextInt(DURATIONS.length)];
				int[][] groups = DAY_GROUPS[random.nextInt(DAY_GROUPS.length)];
				int[] days = groups[random.nextInt(groups.length)];
				int khz = leastUsed(like, start, duration, days, 2);
				occupy(khz, start, duration, days);
				CirafZones targets = random.nextInt(10) == 0 ? CirafZones.ALL : area(like);
				entries.add(Emission.external(id, khz, time(start, duration, days, SEASON.firstDay(), SEASON.lastDay()),
						targets, "external " + id));
			}
			return entries;
		}

		// the season cut at random into programme periods, some of them only days long
		private List<LocalDate[]> periods() {
			int days = (int) ChronoUnit.DAYS.between(SEASON.firstDay(), SEASON.lastDay()) + 1;
			int[] cuts = new int[3 + random.nextInt(8)];
			for (int i = 1; i < cuts.length; i++) {
				cuts[i] = 1 + random.nextInt(days - 1);
			}
			Arrays.sort(cuts);
			List<LocalDate[]> periods = new ArrayList<>();
			for (int i = 0; i < cuts.length; i++) {
				int end = i + 1 < cuts.length ? cuts[i + 1] : days;
				if (end > cuts[i]) {
					periods.add(new LocalDate[] { SEASON.firstDay().plusDays(cuts[i]),
							SEASON.firstDay().plusDays(end - 1) });
				}
			}
			return periods;
		}

		// one transmitter's day in a period, block after block from a random time round to the same time
		private void plan(Transmitter tx, LocalDate from, LocalDate to, List<Emission> slots) {
			int dayStart = 5 * random.nextInt(288);
			int t = dayStart;
			while (true) {
				int duration = DURATIONS[random.nextInt(DURATIONS.length)];
				if (t + duration + tx.retune() > dayStart + BroadcastTime.DAY) {
					return;
				}
				int start = t;
				if (random.nextInt(500) == 0) {
					start += (random.nextBoolean() ? 1 : -1) * (15 + 5 * random.nextInt(4));
				}
				int khz = 0;
				for (int[] days : DAY_GROUPS[random.nextInt(DAY_GROUPS.length)]) {
					if (random.nextInt(10) > 0) {
						if (khz == 0 || random.nextInt(10) < 3) {
							khz = random.nextInt(300) == 0 ? anyChannel(tx) : leastUsed(tx, start, duration, days, 8);
						}
						occupy(khz, start, duration, days);
						slots.add(slot(nextId++, tx, start, duration, days, from, to, khz, area(tx)));
					}
				}
				t += duration + (random.nextInt(100) == 0 ? 0 : tx.retune() + 5 * random.nextInt(4));
			}
		}

		private Emission slot(long id, Transmitter tx, int start, int duration, int[] days, LocalDate from,
				LocalDate to, int khz, CirafZones targets) {
			long[] antennas = tx.antennas();
			long antenna = random.nextInt(300) == 0 ? borrowedAntenna(tx) : antennas[random.nextInt(antennas.length)];
			return new Emission(id, false, tx.id(), antenna, khz, BandPlan.channelSpacingKhz(tx.site().region(), khz),
					tx.retune(), tx.minKhz(), tx.maxKhz(), time(start, duration, days, from, to), targets,
					"slot " + id + " on " + khz + " kHz");
		}

		private long borrowedAntenna(Transmitter tx) {
			List<Transmitter> neighbours = tx.site().transmitters();
			long[] antennas = neighbours.get(random.nextInt(neighbours.size())).antennas();
			return antennas[random.nextInt(antennas.length)];
		}

		private static BroadcastTime time(int start, int duration, int[] days, LocalDate from, LocalDate to) {
			int mask = 0;
			for (int day : days) {
				mask |= Weekdays.bit(DayOfWeek.of(day + 1));
			}
			int begin = Math.floorMod(start, BroadcastTime.DAY);
			int stop = (begin + duration - 1) % BroadcastTime.DAY + 1;
			return new BroadcastTime(begin, stop, new Weekdays(mask), from, to);
		}

		// of a few channels, the one with the fewest carriers on it and next to it at those times
		private int leastUsed(Transmitter tx, int start, int duration, int[] days, int choices) {
			int best = 0;
			int bestLoad = Integer.MAX_VALUE;
			for (int i = 0; i < choices; i++) {
				int khz = frequency(tx, start);
				int load = 0;
				int channel = khz / BandPlan.SW_RASTER_KHZ;
				for (int near = channel - 1; near <= channel + 1; near++) {
					short[] onAir = occupancy[near];
					if (onAir != null) {
						for (int quarter : quarters(start, duration, days)) {
							load += onAir[quarter];
						}
					}
				}
				if (load < bestLoad) {
					best = khz;
					bestLoad = load;
				}
			}
			return best;
		}

		private void occupy(int khz, int start, int duration, int[] days) {
			short[] onAir = occupancy[khz / BandPlan.SW_RASTER_KHZ];
			if (onAir == null) {
				onAir = new short[7 * 96];
				occupancy[khz / BandPlan.SW_RASTER_KHZ] = onAir;
			}
			for (int quarter : quarters(start, duration, days)) {
				onAir[quarter]++;
			}
		}

		private static int[] quarters(int start, int duration, int[] days) {
			int perDay = (duration + 14) / 15;
			int[] quarters = new int[days.length * perDay];
			int i = 0;
			for (int day : days) {
				for (int q = 0; q < perDay; q++) {
					quarters[i++] = Math.floorMod((day * BroadcastTime.DAY + start) / 15 + q, 7 * 96);
				}
			}
			return quarters;
		}

		// a channel that the transmitter can tune, in a band that carries at that hour
		private int frequency(Transmitter tx, int start) {
			int hour = Math.floorMod(start, BroadcastTime.DAY) / 60;
			boolean night = hour >= 21 || hour < 6;
			boolean day = hour >= 9 && hour < 17;
			int lowest = Math.max(tx.minKhz(), night ? 3900 : day ? 9400 : 5900);
			int highest = Math.min(tx.maxKhz(), night ? 15800 : day ? 26100 : 21850);
			return channel(tx, b -> b.lowKhz() >= lowest && b.highKhz() <= highest);
		}

		// a slip of the pen: any channel of the region, whatever the hour or the transmitter
		private int anyChannel(Transmitter tx) {
			return channel(tx, b -> true);
		}

		private int channel(Transmitter tx, Predicate<FrequencyBand> usable) {
			List<FrequencyBand> bands = BandPlan.bands(tx.site().region())
				.stream()
				.filter(b -> b.kind() == Kind.SW && !b.tropical() && usable.test(b))
				.toList();
			int[] channels = bands.get(random.nextInt(bands.size())).channels();
			return channels[random.nextInt(channels.length)];
		}

		private CirafZones area(Transmitter tx) {
			List<CirafZones> areas = tx.site().areas();
			return areas.get(random.nextInt(areas.size()));
		}

	}

	private record Site(int region, List<CirafZones> areas, List<Transmitter> transmitters) {
	}

	private record Transmitter(long id, Site site, int retune, int minKhz, int maxKhz, long[] antennas) {
	}

}
