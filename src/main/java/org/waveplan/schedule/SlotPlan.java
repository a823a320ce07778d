package org.waveplan.schedule;

/**
 * A slot as an engineer asks for it, resolved to our transmitter and antenna but not yet stored:
 * what the rules and the collision engine check before anything is written.
 *
 * @param program slug of the program the slot carries, or null
 */
record SlotPlan(Transmitter transmitter, Antenna antenna, int frequencyKhz, BroadcastTime time, CirafZones targets,
		Integer azimuth, Integer powerKw, String language, boolean outOfBand, String program) {

	Emission emission(long id) {
		Site site = transmitter.getSite();
		return new Emission(id, false, transmitter.getId(), antenna == null ? 0 : antenna.getId(), frequencyKhz,
				BandPlan.channelSpacingKhz(site.getItuRegion(), frequencyKhz), transmitter.retuneMinutes(),
				transmitter.getMinKhz(), transmitter.getMaxKhz(), time, targets, label(id));
	}

	String label(long id) {
		return "%s%s/%s %d kHz %s-%s %s".formatted(id <= 0 ? "" : "slot " + id + " ", transmitter.getSite().getCode(),
				transmitter.getName(), frequencyKhz, HourMinute.format(time.start()), HourMinute.format(time.stop()),
				time.validFrom() + ".." + time.validTo());
	}

}
