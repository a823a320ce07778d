package org.waveplan.shared;

import java.nio.file.Path;

/** An upload written to disk: where it is, and what its bytes are. */
public record StoredContent(Path path, String sha256, long size) {
}
