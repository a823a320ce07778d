package org.waveplan.schedule;

import java.util.Set;
import java.util.UUID;

/**
 * Published when a change to our slots commits: the programs whose slots changed (before or after), so that
 * their airings can be planned again. Its {@code id} tells it from an equal one: the event publication registry
 * finds a publication by its event's value, and must not complete one that is still to be handled.
 */
public record SlotsChanged(Set<String> programs, UUID id) {

	public SlotsChanged(Set<String> programs) {
		this(programs, UUID.randomUUID());
	}

}
