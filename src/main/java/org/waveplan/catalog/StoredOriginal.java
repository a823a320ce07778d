package org.waveplan.catalog;

import java.nio.file.Path;

/** An upload written to disk: where it is, and what its bytes are. */
record StoredOriginal(Path path, String sha256, long size) {
}
