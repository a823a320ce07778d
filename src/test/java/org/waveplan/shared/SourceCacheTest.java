package org.waveplan.shared;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A source cache is one instance's: a second one on the same folder is refused until the first is closed. */
class SourceCacheTest {

	@TempDir
	Path temp;

	@Test
	void aSecondCacheOnTheSameFolderIsRefusedWithTheSettingToChange() throws Exception {
		Path dir = temp.resolve("cache");
		try (SourceCache first = new SourceCache(dir, 1000)) {
			assertThatThrownBy(() -> new SourceCache(temp.resolve("other/../cache"), 1000))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("in use by another running instance")
				.hasMessageContaining("waveplan.storage.cache-dir");
			// the refusal left the first one's lock alone
			assertThatThrownBy(() -> new SourceCache(dir, 1000)).isInstanceOf(IllegalStateException.class);
		}
		try (SourceCache again = new SourceCache(dir, 1000)) {
			assertThat(dir.resolve(".lock")).exists();
		}
	}

}
