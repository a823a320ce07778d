package org.waveplan.audio;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A finished, verified file of one output.
 *
 * @param duration as the file decodes (counted in samples)
 * @param loudness as the file decodes
 * @param sha256 of the file's bytes, lower-case hex
 */
public record RenderedFile(OutputSpec spec, Path file, Duration duration, Loudness loudness, String sha256) {
}
