package org.waveplan.schedule;

import java.util.List;

/** The outcome of checking a schedule: hard conflicts (refused) and collisions (reported). */
public record ConflictReport(List<Conflict> hard, List<Conflict> collisions) {

	public boolean clean() {
		return hard.isEmpty() && collisions.isEmpty();
	}

}
