package org.waveplan.bundles;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of offline bundles.
 *
 * @param bundlesDir where finished bundles are kept, by their SHA-256 ({@code ab/abcd....zip}), with the work
 * directories of running builds beside them
 * @param forbiddenStrings what must appear nowhere in a bundle's bytes (the organisation's names, its domains):
 * searched case-insensitively in UTF-8 and UTF-16; a hit fails the build
 * @param rendersAtOnce how many of a bundle's episodes are rendered at once; 0 for the number of cores (a render of
 * one sound runs its FFmpeg steps one after another, and FFmpeg encodes on one core)
 */
@ConfigurationProperties("waveplan.bundles")
record BundleProperties(@DefaultValue("data/bundles") Path bundlesDir,
		@DefaultValue("") List<String> forbiddenStrings, @DefaultValue("0") int rendersAtOnce) {

	BundleProperties {
		forbiddenStrings = forbiddenStrings == null ? List.of()
				: forbiddenStrings.stream().filter(s -> s != null && !s.isBlank()).toList();
		rendersAtOnce = rendersAtOnce > 0 ? rendersAtOnce : Runtime.getRuntime().availableProcessors();
	}

}
