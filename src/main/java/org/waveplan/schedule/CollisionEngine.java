package org.waveplan.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

	private final Map<Long, List<Emission>> byTransmitter = new HashMap<>();

	private final Map<Long, List<Emission>> byAntenna = new HashMap<>();

	private final TreeMap<Integer, List<Emission>> byChannel = new TreeMap<>();

	CollisionEngine(Collection<Emission> own, Collection<Emission> external) {
		own.forEach(this::add);
		external.forEach(this::add);
	}

	void add(Emission e) {
		if (!e.external()) {
			byTransmitter.computeIfAbsent(e.transmitterId(), k -> new ArrayList<>()).add(e);
			if (e.antennaId() != 0) {
				byAntenna.computeIfAbsent(e.antennaId(), k -> new ArrayList<>()).add(e);
			}
		}
		byChannel.computeIfAbsent(bucket(e), k -> new ArrayList<>()).add(e);
	}

	/** Everything a new or changed slot would clash with; the slot itself (same id) is skipped. */
	List<Conflict> check(Emission slot) {
		List<Conflict> found = new ArrayList<>();
		if (!slot.withinTransmitterRange()) {
			found.add(outOfRange(slot));
		}
		for (Emission other : byTransmitter.getOrDefault(slot.transmitterId(), List.of())) {
			if (other.id() != slot.id()) {
				sameTransmitter(slot, other, found::add);
			}
		}
		if (slot.antennaId() != 0) {
			for (Emission other : byAntenna.getOrDefault(slot.antennaId(), List.of())) {
				if (other.id() != slot.id()) {
					sameAntenna(slot, other, found::add);
				}
			}
		}
		for (List<Emission> bucket : nearbyChannels(bucket(slot)).values()) {
			for (Emission other : bucket) {
				if (other.external() || other.id() != slot.id()) {
					nearChannel(slot, other, found::add);
				}
			}
		}
		return found;
	}

	/** The whole schedule at once: every pair of our own entries, and ours against external ones. */
	ConflictReport checkAll() {
		List<Conflict> hard = new ArrayList<>();
		List<Conflict> collisions = new ArrayList<>();
		for (List<Emission> group : byTransmitter.values()) {
			for (Emission e : group) {
				if (!e.withinTransmitterRange()) {
					hard.add(outOfRange(e));
				}
			}
			int margin = group.get(0).retuneMinutes();
			sweep(group, group, margin, (a, b) -> sameTransmitter(a, b, hard::add));
		}
		for (List<Emission> group : byAntenna.values()) {
			sweep(group, group, 0, (a, b) -> sameAntenna(a, b, hard::add));
		}
		for (Map.Entry<Integer, List<Emission>> entry : byChannel.entrySet()) {
			List<Emission> here = entry.getValue();
			for (Map.Entry<Integer, List<Emission>> near : byChannel
				.subMap(entry.getKey(), true, entry.getKey() + REACH_KHZ, true)
				.entrySet()) {
				sweep(here, near.getValue(), 0, (a, b) -> {
					if (!a.external()) {
						nearChannel(a, b, collisions::add);
					}
					else if (!b.external()) {
						nearChannel(b, a, collisions::add);
					}
				});
			}
		}
		return new ConflictReport(hard, collisions);
	}

	private Map<Integer, List<Emission>> nearbyChannels(int bucket) {
		return byChannel.subMap(bucket - REACH_KHZ, true, bucket + REACH_KHZ, true);
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

	/**
	 * Calls {@code pair} once for each pair (one from {@code left}, one from {@code right}, not
	 * the same entry) whose weekly air times come within {@code margin} minutes of each other. When
	 * both lists are the same, each unordered pair is offered once.
	 */
	static void sweep(List<Emission> left, List<Emission> right, int margin, BiConsumer<Emission, Emission> pair) {
		boolean same = left == right;
		Emission[] entries = same ? left.toArray(Emission[]::new)
				: concat(left, right);
		int leftSize = left.size();
		long[] intervals = weeklyIntervals(entries, margin);
		Arrays.sort(intervals);
		Set<Long> seen = new HashSet<>();
		for (int i = 0; i < intervals.length; i++) {
			int end = end(intervals[i]);
			int a = index(intervals[i]);
			for (int j = i + 1; j < intervals.length && start(intervals[j]) < end; j++) {
				int b = index(intervals[j]);
				if (a == b || (!same && (a < leftSize) == (b < leftSize))) {
					continue;
				}
				int first = Math.min(a, b);
				int second = Math.max(a, b);
				if (seen.add(((long) first << 32) | second)) {
					pair.accept(entries[first], entries[second]);
				}
			}
		}
	}

	private static Emission[] concat(List<Emission> left, List<Emission> right) {
		Emission[] all = new Emission[left.size() + right.size()];
		int i = 0;
		for (Emission e : left) {
			all[i++] = e;
		}
		for (Emission e : right) {
			all[i++] = e;
		}
		return all;
	}

	// start (offset by a week so that shifted copies stay positive) | end | index, packed to sort as longs
	private static long[] weeklyIntervals(Emission[] entries, int margin) {
		long[] packed = new long[entries.length * 16];
		int n = 0;
		for (int idx = 0; idx < entries.length; idx++) {
			int[] weekly = entries[idx].time().weeklyIntervals();
			for (int k = 0; k < weekly.length; k += 2) {
				int start = weekly[k];
				int end = weekly[k + 1] + margin;
				packed[n++] = pack(start + BroadcastTime.WEEK, end + BroadcastTime.WEEK, idx);
				if (end > BroadcastTime.WEEK) {
					packed[n++] = pack(start, end, idx);
				}
			}
		}
		return Arrays.copyOf(packed, n);
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
