package org.waveplan.catalog;

import java.util.UUID;

/**
 * The planner has run: airings may have come, gone, or changed episode or length. Listeners hear it once the
 * run commits. Its {@code id} tells it from an equal one (see {@link org.waveplan.schedule.SlotsChanged}).
 */
public record AiringsChanged(UUID id) {

	public AiringsChanged() {
		this(UUID.randomUUID());
	}

}
