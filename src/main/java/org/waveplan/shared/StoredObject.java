package org.waveplan.shared;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One stored object and the SHA-256 its bytes must have.
 *
 * @param sha256 of the object's bytes (a rendition's key is not its content's hash, so it is given apart)
 */
public record StoredObject(ObjectStore store, String key, String sha256) {

	public OptionalLong size() throws IOException {
		return store.size(key);
	}

	public InputStream read(long first, long last) throws IOException {
		return store.read(key, first, last);
	}

	public Optional<Path> localPath() {
		return store.localPath(key);
	}

	public Optional<URI> presigned(ObjectStore.Access access, Duration lifetime) {
		return store.presigned(key, access, lifetime);
	}

	@Override
	public String toString() {
		return store.describe(key);
	}

}
