package org.waveplan.catalog;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.waveplan.audio.Loudness;
import org.waveplan.shared.StoredObject;

/**
 * An airing as the modules downstream see it.
 *
 * @param episode what it carries, {@code null} while the program's queue is empty
 */
public record PlannedAiring(long id, String program, String site, String transmitter, int frequencyKhz,
		LocalDate broadcastDate, Instant startsAt, Instant stopsAt, Source episode) {

	public Duration length() {
		return Duration.between(startsAt, stopsAt);
	}

	/**
	 * An episode's stored original.
	 *
	 * @param original the stored original, content-addressed by its SHA-256
	 * @param loudness as measured at ingest
	 */
	public record Source(long id, String title, String sha256, StoredObject original, Loudness loudness, Duration duration) {
	}

}
