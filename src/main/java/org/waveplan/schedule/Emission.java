package org.waveplan.schedule;

/**
 * What the collision engine knows of one schedule entry: a carrier on the air at recurring times
 * towards target zones, from one of our transmitters or from another broadcaster (external).
 *
 * @param id slot id, or external entry id when {@code external}
 * @param transmitterId our transmitter, 0 for an external entry
 * @param antennaId our antenna, 0 when none is named
 * @param spacingKhz channel spacing at this frequency, which decides what is adjacent
 * @param retuneMinutes minutes the transmitter needs between two frequencies
 * @param minKhz lowest frequency the transmitter can tune (0 for an external entry)
 * @param maxKhz highest frequency the transmitter can tune
 */
record Emission(long id, boolean external, long transmitterId, long antennaId, double khz, int spacingKhz,
		int retuneMinutes, int minKhz, int maxKhz, BroadcastTime time, CirafZones targets, String label) {

	static Emission external(long id, double khz, BroadcastTime time, CirafZones targets, String label) {
		return new Emission(id, true, 0, 0, khz, BandPlan.channelSpacingKhz(1, khz), 0, 0, 0, time, targets, label);
	}

	boolean withinTransmitterRange() {
		return external || (khz >= minKhz && khz <= maxKhz);
	}

	/** The collision, if any, between two carriers on the air at the same time towards the same zones. */
	Conflict.Type channelRelation(Emission other) {
		// our raster decides; between two of ours the wider one, so that either side finds the same
		int spacing = external ? other.spacingKhz
				: other.external ? spacingKhz : Math.max(spacingKhz, other.spacingKhz);
		double delta = Math.abs(khz - other.khz);
		if (delta * 2 < spacing) {
			return Conflict.Type.CO_CHANNEL;
		}
		if (delta * 2 < spacing * 3) {
			return Conflict.Type.ADJACENT_CHANNEL;
		}
		return null;
	}

}
