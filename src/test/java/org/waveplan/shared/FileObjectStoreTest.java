package org.waveplan.shared;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The object store contract on the file system. */
class FileObjectStoreTest extends ObjectStoreContract {

	@TempDir
	Path root;

	@Override
	ObjectStore store() {
		return new FileObjectStore(root);
	}

	/** A file on this disk is reached through the service only. */
	@Test
	void givesNoPreSignedUrl() {
		assertThat(store().presigned(ObjectStore.keyOf("a".repeat(64), "mp3"), ObjectStore.Access.GET,
				Duration.ofMinutes(5))).isEmpty();
	}

}
