package org.waveplan.bundles;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.waveplan.shared.Backoff;

/**
 * Settings of offline bundles.
 *
 * @param bundlesDir where finished bundles are kept, by their SHA-256 ({@code ab/abcd....zip}), with the work
 * directories of running builds beside them
 * @param forbiddenStrings what must appear nowhere in a bundle's bytes (the organisation's names, its domains):
 * searched case-insensitively in UTF-8 and UTF-16; a hit fails the build. Each of {@value #SHORTEST_FORBIDDEN}
 * characters or more: a shorter one turns up in compressed audio by chance (three letters, about ten times in an
 * hour of MP3 at 48 kb/s), and would fail every bundle
 * @param rendersAtOnce how many of a bundle's episodes are rendered at once; 0 for the number of cores (a render of
 * one sound runs its FFmpeg steps one after another, and FFmpeg encodes on one core)
 * @param maxAttempts how many times a build is started, at most, when it fails for what may pass (a full disk, the
 * store out of reach, FFmpeg stopped); what fails alike every time (a forbidden string, an episode that cannot be
 * rendered to the sound) fails at once
 * @param retryBackoff the wait before the second attempt, doubled before each later one
 */
@ConfigurationProperties("waveplan.bundles")
record BundleProperties(@DefaultValue("data/bundles") Path bundlesDir,
		@DefaultValue("") List<String> forbiddenStrings, @DefaultValue("0") int rendersAtOnce,
		@DefaultValue("3") int maxAttempts, @DefaultValue("1m") Duration retryBackoff) {

	static final int SHORTEST_FORBIDDEN = 6;

	BundleProperties {
		forbiddenStrings = forbiddenStrings == null ? List.of()
				: forbiddenStrings.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
		List<String> tooShort = forbiddenStrings.stream().filter(s -> s.length() < SHORTEST_FORBIDDEN).toList();
		if (!tooShort.isEmpty()) {
			throw new IllegalArgumentException("waveplan.bundles.forbidden-strings " + tooShort + ": each must have "
					+ SHORTEST_FORBIDDEN + " characters or more, or it turns up in compressed audio by chance");
		}
		rendersAtOnce = rendersAtOnce > 0 ? rendersAtOnce : Runtime.getRuntime().availableProcessors();
	}

	Duration backoffAfter(int attempts) {
		return Backoff.doubling(retryBackoff, attempts);
	}

}
