package org.waveplan.bundles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of a bundle: its path inside the ZIP ({@code /} between folders) and where its bytes come from, a file on
 * disk (audio, read as a stream) or bytes in memory (the small text files).
 */
record BundleEntry(String path, Path file, byte[] bytes) {

	BundleEntry {
		Objects.requireNonNull(path, "path");
		if ((file == null) == (bytes == null)) {
			throw new IllegalArgumentException("an entry has either a file or bytes: " + path);
		}
	}

	static BundleEntry file(String path, Path file) {
		return new BundleEntry(path, file, null);
	}

	static BundleEntry bytes(String path, byte[] bytes) {
		return new BundleEntry(path, null, bytes);
	}

	long size() {
		try {
			return file != null ? Files.size(file) : bytes.length;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the size of " + file, e);
		}
	}

	InputStream open() throws IOException {
		return file != null ? Files.newInputStream(file) : new ByteArrayInputStream(bytes);
	}

}
