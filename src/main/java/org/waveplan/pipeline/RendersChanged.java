package org.waveplan.pipeline;

import java.util.UUID;

/**
 * Renders were planned, finished or failed: what sites are to fetch may have changed. Its {@code id} tells it from
 * an equal one (see {@link org.waveplan.schedule.SlotsChanged}).
 */
public record RendersChanged(UUID id) {

	public RendersChanged() {
		this(UUID.randomUUID());
	}

}
