package org.waveplan.pipeline;

import java.time.Instant;

import org.waveplan.shared.StoredObject;

/**
 * A verified rendition as a site pulls it.
 *
 * @param name its file name, {@code <key>.<ext>}: the same bytes always have the same name
 * @param content where it is stored (from the key, never from a name a client sent)
 * @param createdAt when it was published: it never changes afterwards
 */
public record DeliverableFile(long airingId, String name, StoredObject content, long sizeBytes, String sha256,
		Instant createdAt) {
}
