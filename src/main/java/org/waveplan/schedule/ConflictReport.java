package org.waveplan.schedule;

import java.util.List;

/** The outcome of checking a schedule: hard conflicts (refused) and collisions (reported). */
record ConflictReport(List<Conflict> hard, List<Conflict> collisions) {

	boolean clean() {
		return hard.isEmpty() && collisions.isEmpty();
	}

}
