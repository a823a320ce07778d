package org.waveplan.schedule;

/**
 * A clash found by the collision engine between a slot of ours and another slot of ours or an
 * external entry. Hard conflicts are refused; collisions are reported for the engineer to weigh.
 */
record Conflict(Type type, long slotId, Long otherSlotId, Long externalId, String reason) {

	enum Severity { HARD, COLLISION }

	enum Type {
		/** One transmitter on two slots at once. */
		DOUBLE_BOOKED(Severity.HARD),
		/** Consecutive slots of one transmitter on different frequencies, closer than its retune time. */
		RETUNE_TOO_SHORT(Severity.HARD),
		/** One antenna fed by two transmitters at once. */
		ANTENNA_SHARED(Severity.HARD),
		/** A frequency the transmitter (or antenna) cannot tune. */
		OUT_OF_RANGE(Severity.HARD),
		/** Same channel, same time, overlapping targets. */
		CO_CHANNEL(Severity.COLLISION),
		/** Next channel up or down, same time, overlapping targets. */
		ADJACENT_CHANNEL(Severity.COLLISION);

		private final Severity severity;

		Type(Severity severity) {
			this.severity = severity;
		}

		Severity severity() {
			return severity;
		}
	}

	boolean hard() {
		return type.severity() == Severity.HARD;
	}

	static Conflict between(Type type, Emission slot, Emission other, String reason) {
		return new Conflict(type, slot.id(), other.external() ? null : other.id(), other.external() ? other.id() : null,
				reason);
	}

}
