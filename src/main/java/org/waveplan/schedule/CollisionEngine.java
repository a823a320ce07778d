package org.waveplan.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Finds hard conflicts and collisions in a schedule without comparing all pairs: entries are
 * indexed by transmitter, antenna and 1 kHz frequency bucket, and inside each group a sweep over
 * the weekly air times yields only the pairs that are on the air together. Each such pair is then
 * settled exactly by {@link BroadcastTime#overlaps(BroadcastTime, int)} and by the targets.
 */
final class CollisionEngine {

	// the widest adjacency reach: 1.5 channels of the 10 kHz MW raster
	static final int REACH_KHZ = 15;

	private static final int HOURS_PER_WEEK = 7 * 24;

	private final Map<Long, List<Entry>> byTransmitter = new HashMap<>();

	private final Map<Long, List<Entry>> byAntenna = new HashMap<>();

	private final TreeMap<Integer, Channel> byChannel = new TreeMap<>();

	CollisionEngine(Collection<Emission> own, Collection<Emission> external) {
		own.forEach(this::add);
		external.forEach(this::add);
	}

	void add(Emission e) {
		Entry entry = new Entry(e);
		if (!e.external()) {
			byTransmitter.computeIfAbsent(e.transmitterId(), k -> new ArrayList<>()).add(entry);
			if (e.antennaId() != 0) {
				byAntenna.computeIfAbsent(e.antennaId(), k -> new ArrayList<>()).add(entry);
			}
		}
		byChannel.computeIfAbsent(bucket(e), k -> new Channel()).add(entry);
	}

	/** Everything a new or changed slot would clash with; the slot itself (same id) is skipped. */
	List<Conflict> check(Emission slot) {
		List<Conflict> found = new ArrayList<>();
		if (!slot.withinTransmitterRange()) {
			found.add(outOfRange(slot));
		}
		// most entries of a group are on the air at other hours: a bit test rules them out
		int[] weekly = slot.time().weeklyIntervals();
		long[] onAir = hoursOfWeek(weekly, 0);
		long[] retuning = slot.retuneMinutes() > 0 ? hoursOfWeek(weekly, slot.retuneMinutes()) : onAir;
		for (Entry other : byTransmitter.getOrDefault(slot.transmitterId(), List.of())) {
			if (other.emission.id() != slot.id() && other.onAirIn(retuning)) {
				sameTransmitter(slot, other.emission, found::add);
			}
		}
		if (slot.antennaId() != 0) {
			for (Entry other : byAntenna.getOrDefault(slot.antennaId(), List.of())) {
				if (other.emission.id() != slot.id() && other.onAirIn(onAir)) {
					sameAntenna(slot, other.emission, found::add);
				}
			}
		}
		int bucket = bucket(slot);
		for (Map.Entry<Integer, Channel> near : byChannel.subMap(bucket - REACH_KHZ, true, bucket + REACH_KHZ, true)
			.entrySet()) {
			Channel channel = near.getValue();
			if (!mayCollide(Math.max(slot.spacingKhz(), channel.ownSpacing), near.getKey() - bucket)) {
				continue;
			}
			for (Entry other : channel.entries) {
				if ((other.emission.external() || other.emission.id() != slot.id()) && other.onAirIn(onAir)) {
					nearChannel(slot, other.emission, found::add);
				}
			}
		}
		return found;
	}

	/** The whole schedule at once: every pair of our own entries, and ours against external ones. */
	ConflictReport checkAll() {
		List<Conflict> hard = new ArrayList<>();
		List<Conflict> collisions = new ArrayList<>();
		Candidates candidates = new Candidates();
		for (List<Entry> group : byTransmitter.values()) {
			// one transmitter, one retune time; the widest keeps the sweep a superset regardless
			int margin = 0;
			for (Entry e : group) {
				if (!e.emission.withinTransmitterRange()) {
					hard.add(outOfRange(e.emission));
				}
				margin = Math.max(margin, e.emission.retuneMinutes());
			}
			Airtimes airtimes = new Airtimes(group, margin);
			airtimes.pairs(candidates);
			candidates.drain(airtimes.emissions, airtimes.emissions, (a, b) -> sameTransmitter(a, b, hard::add));
		}
		for (List<Entry> group : byAntenna.values()) {
			Airtimes airtimes = new Airtimes(group, 0);
			airtimes.pairs(candidates);
			candidates.drain(airtimes.emissions, airtimes.emissions, (a, b) -> sameAntenna(a, b, hard::add));
		}
		// each bucket's air times are sorted once, then met with those of each bucket in reach
		int[] buckets = byChannel.keySet().stream().mapToInt(Integer::intValue).toArray();
		Channel[] channels = byChannel.values().toArray(Channel[]::new);
		Airtimes[] airtimes = new Airtimes[channels.length];
		for (int i = 0; i < channels.length; i++) {
			airtimes[i] = new Airtimes(channels[i].entries, 0);
		}
		BiConsumer<Emission, Emission> collide = (a, b) -> {
			if (!a.external()) {
				nearChannel(a, b, collisions::add);
			}
			else if (!b.external()) {
				nearChannel(b, a, collisions::add);
			}
		};
		for (int i = 0; i < channels.length; i++) {
			for (int j = i; j < channels.length && buckets[j] <= buckets[i] + REACH_KHZ; j++) {
				if (!mayCollide(Math.max(channels[i].ownSpacing, channels[j].ownSpacing), buckets[j] - buckets[i])) {
					continue;
				}
				if (i == j) {
					airtimes[i].pairs(candidates);
				}
				else {
					airtimes[i].pairs(airtimes[j], candidates);
				}
				candidates.drain(airtimes[i].emissions, airtimes[j].emissions, collide);
			}
		}
		return new ConflictReport(hard, collisions);
	}

	/**
	 * Whether carriers in buckets this far apart can be co- or adjacent-channel when ours use at
	 * most the given spacing (0: none of ours): rounding to buckets moves each by half a kHz at most.
	 */
	private static boolean mayCollide(int spacingKhz, int bucketDistance) {
		return spacingKhz > 0 && (Math.abs(bucketDistance) - 1) * 2 < spacingKhz * 3;
	}

	private static int bucket(Emission e) {
		return (int) Math.round(e.khz());
	}

	private static void sameTransmitter(Emission slot, Emission other, Consumer<Conflict> out) {
		if (slot.time().overlaps(other.time())) {
			out.accept(Conflict.between(Conflict.Type.DOUBLE_BOOKED, slot, other,
					"transmitter is already on the air for " + other.label()));
		}
		else if (slot.khz() != other.khz() && slot.retuneMinutes() > 0
				&& slot.time().overlaps(other.time(), slot.retuneMinutes())) {
			out.accept(Conflict.between(Conflict.Type.RETUNE_TOO_SHORT, slot, other, "less than the transmitter's "
					+ slot.retuneMinutes() + " min retune time from " + other.label()));
		}
	}

	private static void sameAntenna(Emission slot, Emission other, Consumer<Conflict> out) {
		if (slot.transmitterId() != other.transmitterId() && slot.time().overlaps(other.time())) {
			out.accept(Conflict.between(Conflict.Type.ANTENNA_SHARED, slot, other,
					"antenna is already fed by another transmitter for " + other.label()));
		}
	}

	private static void nearChannel(Emission slot, Emission other, Consumer<Conflict> out) {
		Conflict.Type relation = slot.channelRelation(other);
		if (relation != null && slot.targets().overlaps(other.targets()) && slot.time().overlaps(other.time())) {
			String what = relation == Conflict.Type.CO_CHANNEL ? "same channel as " : "adjacent channel to ";
			out.accept(Conflict.between(relation, slot, other, what + other.label()));
		}
	}

	private static Conflict outOfRange(Emission e) {
		return new Conflict(Conflict.Type.OUT_OF_RANGE, e.id(), null, null,
				"%s kHz is outside the transmitter's range %d-%d kHz".formatted(khz(e.khz()), e.minKhz(), e.maxKhz()));
	}

	static String khz(double khz) {
		return khz == Math.rint(khz) ? Long.toString((long) khz) : Double.toString(khz);
	}

	// hours of the week (bit 0 = Monday 00:00-01:00) touched by the intervals widened by the margin
	private static long[] hoursOfWeek(int[] weekly, int margin) {
		long[] hours = new long[(HOURS_PER_WEEK + 63) / 64];
		for (int k = 0; k < weekly.length; k += 2) {
			int last = Math.floorDiv(weekly[k + 1] + margin - 1, 60);
			for (int hour = Math.floorDiv(weekly[k] - margin, 60); hour <= last; hour++) {
				int bit = Math.floorMod(hour, HOURS_PER_WEEK);
				hours[bit >>> 6] |= 1L << (bit & 63);
			}
		}
		return hours;
	}

	/** An indexed emission with its weekly air times, worked out once. */
	private static final class Entry {

		final Emission emission;

		final int[] weekly;

		final long[] hours;

		Entry(Emission emission) {
			this.emission = emission;
			this.weekly = emission.time().weeklyIntervals();
			this.hours = hoursOfWeek(weekly, 0);
		}

		boolean onAirIn(long[] otherHours) {
			for (int i = 0; i < hours.length; i++) {
				if ((hours[i] & otherHours[i]) != 0) {
					return true;
				}
			}
			return false;
		}

	}

	/** The entries within about 1 kHz, and the widest channel spacing among ours (0: none of ours). */
	private static final class Channel {

		final List<Entry> entries = new ArrayList<>();

		int ownSpacing;

		void add(Entry entry) {
			entries.add(entry);
			if (!entry.emission.external()) {
				ownSpacing = Math.max(ownSpacing, entry.emission.spacingKhz());
			}
		}

	}

	/**
	 * The weekly air times of a group of entries, each end widened by a margin, packed as start
	 * (offset by a week so that shifted copies stay positive) | end | index to sort as longs.
	 */
	private static final class Airtimes {

		final Emission[] emissions;

		final long[] intervals;

		Airtimes(List<Entry> entries, int margin) {
			emissions = new Emission[entries.size()];
			long[] packed = new long[entries.size() * 16];
			int n = 0;
			for (int idx = 0; idx < emissions.length; idx++) {
				Entry entry = entries.get(idx);
				emissions[idx] = entry.emission;
				for (int k = 0; k < entry.weekly.length; k += 2) {
					int start = entry.weekly[k];
					int end = entry.weekly[k + 1] + margin;
					packed[n++] = pack(start + BroadcastTime.WEEK, end + BroadcastTime.WEEK, idx);
					// what runs past the end of the week meets the start of the next
					if (end > BroadcastTime.WEEK) {
						packed[n++] = pack(start, end, idx);
					}
				}
			}
			intervals = Arrays.copyOf(packed, n);
			Arrays.sort(intervals);
		}

		/** Offers each pair of entries here whose air times meet, lower index first. */
		void pairs(Candidates out) {
			for (int i = 0; i < intervals.length; i++) {
				int end = end(intervals[i]);
				int a = index(intervals[i]);
				for (int j = i + 1; j < intervals.length && start(intervals[j]) < end; j++) {
					int b = index(intervals[j]);
					if (a != b) {
						out.add(Math.min(a, b), Math.max(a, b));
					}
				}
			}
		}

		/**
		 * Offers each pair of an entry here and one there whose air times meet: those starting
		 * there while one here is on, then those starting here (later) while one there is on.
		 */
		void pairs(Airtimes there, Candidates out) {
			long[] theirs = there.intervals;
			int from = 0;
			for (long mine : intervals) {
				while (from < theirs.length && start(theirs[from]) < start(mine)) {
					from++;
				}
				for (int j = from; j < theirs.length && start(theirs[j]) < end(mine); j++) {
					out.add(index(mine), index(theirs[j]));
				}
			}
			from = 0;
			for (long their : theirs) {
				while (from < intervals.length && start(intervals[from]) <= start(their)) {
					from++;
				}
				for (int i = from; i < intervals.length && start(intervals[i]) < end(their); i++) {
					out.add(index(intervals[i]), index(their));
				}
			}
		}

		private static long pack(int start, int end, int index) {
			return ((long) start << 48) | ((long) end << 32) | index;
		}

		private static int start(long packed) {
			return (int) (packed >>> 48);
		}

		private static int end(long packed) {
			return (int) ((packed >>> 32) & 0xffff);
		}

		private static int index(long packed) {
			return (int) packed;
		}

	}

	/**
	 * Index pairs offered by a sweep, which offers a pair once for every pair of airings that
	 * meet: sorted, they are handed on once each. Kept as plain longs, reused from sweep to sweep.
	 */
	private static final class Candidates {

		private long[] pairs = new long[1024];

		private int size;

		void add(int left, int right) {
			if (size == pairs.length) {
				pairs = Arrays.copyOf(pairs, size * 2);
			}
			pairs[size++] = ((long) left << 32) | right;
		}

		void drain(Emission[] left, Emission[] right, BiConsumer<Emission, Emission> pair) {
			Arrays.sort(pairs, 0, size);
			for (int i = 0; i < size; i++) {
				if (i == 0 || pairs[i] != pairs[i - 1]) {
					pair.accept(left[(int) (pairs[i] >>> 32)], right[(int) pairs[i]]);
				}
			}
			size = 0;
		}

	}

}
