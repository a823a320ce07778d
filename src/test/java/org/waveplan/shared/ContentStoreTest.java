package org.waveplan.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploads' temp files: a killed instance's are removed at the next start, a live instance's are left alone. */
class ContentStoreTest {

	@TempDir
	Path root;

	@Test
	void aStartRemovesWhatAKilledInstanceLeftInIncomingAndKeepsALiveOnes() throws IOException {
		// a killed instance: its directory and lock file are there, but no process holds the lock
		Path killed = Files.createDirectories(root.resolve("incoming/0b7d6c5e-killed"));
		Files.createFile(killed.resolve(".lock"));
		Path leftover = Files.write(killed.resolve("upload-123.part"), new byte[] { 1, 2, 3 });
		ContentStore live = new ContentStore(new FileObjectStore(root), root);
		StoredContent receiving = live.receive(new ByteArrayInputStream(new byte[] { 4, 5, 6 }));

		ContentStore next = new ContentStore(new FileObjectStore(root), root);

		assertThat(leftover).doesNotExist();
		assertThat(killed).doesNotExist();
		assertThat(receiving.path()).exists().startsWith(root.resolve("incoming"));
		live.close();
		next.close();
		assertThat(receiving.path()).doesNotExist();
		assertThat(root.resolve("incoming")).isEmptyDirectory();
	}

}
