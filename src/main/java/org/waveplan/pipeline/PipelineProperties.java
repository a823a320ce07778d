package org.waveplan.pipeline;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.waveplan.shared.Backoff;

/**
 * Settings of the render pipeline. FFmpeg's timeout and how many FFmpeg processes run at once are the audio
 * module's ({@code waveplan.audio.*}).
 *
 * @param rendersDir where renditions are kept, by content address ({@code ab/abcd....mp3}), with the work
 * directories of running renders beside them
 * @param identsDir where station idents are kept, by SHA-256
 * @param maxAttempts how often a render is tried before it is failed, when its failure may pass (FFmpeg stopped,
 * a disk error); a source that cannot be rendered fails at once
 * @param retryBackoff wait after the first failed attempt, doubled after each further one
 */
@ConfigurationProperties("waveplan.pipeline")
record PipelineProperties(@DefaultValue("data/renders") Path rendersDir, @DefaultValue("data/idents") Path identsDir,
		@DefaultValue("4") int maxAttempts,
		@DefaultValue("1m") Duration retryBackoff) {

	Duration backoffAfter(int attempts) {
		return Backoff.doubling(retryBackoff, attempts);
	}

}
