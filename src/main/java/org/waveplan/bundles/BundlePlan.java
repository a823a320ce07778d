package org.waveplan.bundles;

import java.time.Duration;
import java.util.List;

import org.waveplan.catalog.ShelvedEpisode;

/**
 * A bundle request checked and resolved: the episodes in the bundle's order, the sound (its bitrate lowered when
 * asked to fit), names and language.
 *
 * @param capacityBytes the medium's capacity, {@code null} if none was given
 */
record BundlePlan(String name, List<ShelvedEpisode> episodes, BundleProfile profile, FileNames names, String language,
		Long capacityBytes, Fit fit) {

	BundlePlan with(BundleProfile other) {
		return new BundlePlan(name, episodes, other, names, language, capacityBytes, fit);
	}

	/** The hours of audio. */
	Duration audio() {
		return episodes.stream().map(ShelvedEpisode::duration).reduce(Duration.ZERO, Duration::plus);
	}

}
