package org.waveplan.catalog;

import java.time.Duration;

/**
 * An episode with its program, as a module outside the catalog sees it.
 *
 * @param source its stored original, loudness and length as measured at ingest
 */
public record ShelvedEpisode(long id, String program, String programTitle, String title,
		PlannedAiring.Source source) {

	public Duration duration() {
		return source.duration();
	}

}
