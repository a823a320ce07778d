package org.waveplan.schedule;

/**
 * One entry of a schedule file to become our slot. The transmitter and antenna are named in
 * Waveplan files; an HFCC line names only the site, and a free transmitter there is chosen.
 *
 * @param program slug of the program the slot carries, or null
 * @param where points a problem with a field (named as in the API) at the place in the file where that field is
 */
record OwnLine(ScheduleEntry entry, String transmitter, String antenna, boolean outOfBand, String program,
		FieldErrors.Place where) {
}
