package org.waveplan.bundles;

import java.time.LocalDate;
import java.util.List;

/**
 * A bundle as the API takes it: a name and either episode ids, or program slugs with a date range (the episodes
 * those programs air or are planned to air on those days); the rest optional.
 *
 * @param capacity the medium's size, as its maker counts it ({@code 8GB}: 8,000,000,000 bytes)
 * @param fit {@code refuse} (default) or {@code bitrate}: lower the bitrate, down to 24 kb/s, to fit the capacity
 * @param names {@code neutral} (default: {@code 01.mp3}, ...) or {@code titles}
 * @param language of the index page: {@code ko} (default) or {@code en}
 */
record BundleRequest(String name, List<Long> episodes, List<String> programs, LocalDate from, LocalDate to,
		Profile profile, String capacity, String fit, String names, String language) {

	/** The sound; each value left out is the default's ({@link BundleProfile#DEFAULT}). */
	record Profile(String codec, Integer bitrateKbps, Integer sampleRate, Integer channels, Double targetLufs,
			Double truePeakDbtp) {
	}

}
