package org.waveplan.schedule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.waveplan.schedule.Conflict.Type;

/**
 * The collision rules applied to every pair of entries, with no index and no sweep: the
 * reference that {@link CollisionEngine} must agree with, in tests and in the benchmark.
 */
final class AllPairsCheck {

	private AllPairsCheck() {
	}

	/** Every pair of our own entries, and each of ours against each external one. */
	static ConflictReport checkAll(List<Emission> own, List<Emission> external) {
		List<Conflict> hard = new ArrayList<>();
		List<Conflict> collisions = new ArrayList<>();
		Consumer<Conflict> out = c -> (c.hard() ? hard : collisions).add(c);
		for (int i = 0; i < own.size(); i++) {
			Emission slot = own.get(i);
			outOfRange(slot, out);
			for (int j = i + 1; j < own.size(); j++) {
				pair(slot, own.get(j), out);
			}
			for (Emission other : external) {
				pair(slot, other, out);
			}
		}
		return new ConflictReport(hard, collisions);
	}

	/** One slot of ours against everything else, skipping an entry of ours with the slot's id. */
	static List<Conflict> check(Emission slot, List<Emission> own, List<Emission> external) {
		List<Conflict> found = new ArrayList<>();
		outOfRange(slot, found::add);
		for (Emission other : own) {
			if (other.id() != slot.id()) {
				pair(slot, other, found::add);
			}
		}
		for (Emission other : external) {
			pair(slot, other, found::add);
		}
		return found;
	}

	static Set<Key> keys(ConflictReport report) {
		Set<Key> keys = keys(report.hard());
		keys.addAll(keys(report.collisions()));
		return keys;
	}

	static Set<Key> keys(Collection<Conflict> conflicts) {
		Set<Key> keys = new HashSet<>();
		for (Conflict c : conflicts) {
			keys.add(Key.of(c));
		}
		return keys;
	}

	private static void outOfRange(Emission slot, Consumer<Conflict> out) {
		if (slot.khz() < slot.minKhz() || slot.khz() > slot.maxKhz()) {
			out.accept(new Conflict(Type.OUT_OF_RANGE, slot.id(), null, null, "out of range"));
		}
	}

	private static void pair(Emission slot, Emission other, Consumer<Conflict> out) {
		BroadcastTime time = slot.time();
		if (!other.external()) {
			if (slot.transmitterId() == other.transmitterId()) {
				if (time.overlaps(other.time())) {
					out.accept(Conflict.between(Type.DOUBLE_BOOKED, slot, other, "double booked"));
				}
				else if (slot.khz() != other.khz() && slot.retuneMinutes() > 0
						&& time.overlaps(other.time(), slot.retuneMinutes())) {
					out.accept(Conflict.between(Type.RETUNE_TOO_SHORT, slot, other, "retune too short"));
				}
			}
			else if (slot.antennaId() != 0 && slot.antennaId() == other.antennaId() && time.overlaps(other.time())) {
				out.accept(Conflict.between(Type.ANTENNA_SHARED, slot, other, "antenna shared"));
			}
		}
		Type relation = slot.channelRelation(other);
		if (relation != null && slot.targets().overlaps(other.targets()) && time.overlaps(other.time())) {
			out.accept(Conflict.between(relation, slot, other, relation.name()));
		}
	}

	/**
	 * A conflict reduced to its type and the entries involved, in a fixed order: two slots of
	 * ours lowest id first, so that it does not matter from which side a pair was found.
	 */
	record Key(Type type, long slotId, Long otherSlotId, Long externalId) {

		static Key of(Conflict c) {
			if (c.otherSlotId() != null && c.otherSlotId() < c.slotId()) {
				return new Key(c.type(), c.otherSlotId(), c.slotId(), null);
			}
			return new Key(c.type(), c.slotId(), c.otherSlotId(), c.externalId());
		}

	}

}
