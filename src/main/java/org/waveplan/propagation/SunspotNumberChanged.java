package org.waveplan.propagation;

import java.time.YearMonth;
import java.util.UUID;

/**
 * Published when a month's sunspot number is set or replaced: predictions for the month change. Its {@code id} tells
 * it from an equal one (see {@code org.waveplan.schedule.SlotsChanged}).
 */
public record SunspotNumberChanged(YearMonth month, UUID id) {

	public SunspotNumberChanged(YearMonth month) {
		this(month, UUID.randomUUID());
	}

}
