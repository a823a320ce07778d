package org.waveplan.pipeline;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A verified rendition as a site pulls it.
 *
 * @param name its file name, {@code <key>.<ext>}: the same bytes always have the same name
 * @param path where it is, in the renders folder (from the key, never from a name a client sent)
 * @param createdAt when it was published: it never changes afterwards
 */
public record DeliverableFile(long airingId, String name, Path path, long sizeBytes, String sha256,
		Instant createdAt) {
}
