package org.waveplan.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

/**
 * The data directory must take a file, whatever store holds the audio: uploads on their way, FFmpeg's work files
 * and the logs are written there.
 */
@Component
class DataDirProbe implements StorageProbe {

	private final Path dir;

	DataDirProbe(WaveplanProperties settings) {
		this.dir = settings.dataDir().toAbsolutePath();
	}

	@Override
	public String name() {
		return "dataDir";
	}

	@Override
	public void probe() throws IOException {
		Files.delete(Files.createTempFile(dir, ".ready-", ".probe"));
	}

}
