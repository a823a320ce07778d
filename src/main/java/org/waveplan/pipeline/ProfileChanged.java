package org.waveplan.pipeline;

import java.util.UUID;

/**
 * A site's delivery profile was set: its renders may need redoing once the change commits. Its {@code id} tells it
 * from an equal one (see {@link org.waveplan.schedule.SlotsChanged}).
 */
record ProfileChanged(String site, UUID id) {

	ProfileChanged(String site) {
		this(site, UUID.randomUUID());
	}

}
