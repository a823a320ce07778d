package org.waveplan.catalog;

import java.util.UUID;

/**
 * A program's queue changed: its airings are planned again once the change commits. Its {@code id} tells it from
 * an equal one (see {@link org.waveplan.schedule.SlotsChanged}).
 */
record QueueChanged(String program, UUID id) {

	QueueChanged(String program) {
		this(program, UUID.randomUUID());
	}

}
