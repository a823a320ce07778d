package org.waveplan.audio;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One airing to render for its sites.
 *
 * @param source the episode
 * @param sourceLoudness the episode's loudness as measured at ingest (it is not measured again)
 * @param sourceDuration the episode's length as it decoded at ingest: a file that holds less now is refused
 * @param ident the station ident played first, or {@code null}
 * @param length the airing's length: every file is exactly this long, padded with silence, or trimmed with a
 * fade-out when the ident and episode are longer
 * @param outputs one per format that the sites take, names unique
 */
public record RenderRequest(Path source, Loudness sourceLoudness, Duration sourceDuration, Path ident,
		Duration length, List<OutputSpec> outputs) {

	public RenderRequest {
		if (length.isNegative() || length.isZero()) {
			throw new IllegalArgumentException("the length must be positive: " + length);
		}
		if (outputs.isEmpty()) {
			throw new IllegalArgumentException("no outputs to render");
		}
		if (outputs.stream().map(OutputSpec::name).distinct().count() < outputs.size()) {
			throw new IllegalArgumentException("output names must be unique");
		}
		outputs = List.copyOf(outputs);
	}

}
