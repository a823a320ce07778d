package org.waveplan.shared;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One kind of stored object (originals, renditions, idents) by key, {@code ab/<content address>[.ext]}: on the
 * file system ({@link FileObjectStore}) or in an S3 bucket ({@link S3ObjectStore}). An object is visible under its
 * key only once it is whole; keys come from hashes, never from a name a client sent.
 */
public interface ObjectStore {

	/**
	 * Stores {@code size} bytes read from {@code content} under {@code key}, streamed (never held whole in memory).
	 * If the stream fails or ends early, nothing is stored under the key.
	 */
	void put(String key, InputStream content, long size) throws IOException;

	/** Stores a finished local file under {@code key} and takes it: the file is gone afterwards. */
	void publish(String key, Path file) throws IOException;

	/** Removes the object under {@code key}; none there is no error. */
	void delete(String key) throws IOException;

	/** The object's length, or empty if there is none under the key. */
	OptionalLong size(String key) throws IOException;

	/**
	 * Bytes {@code first} to {@code last} (inclusive) of the object.
	 * @throws java.nio.file.NoSuchFileException if there is none under the key
	 */
	InputStream read(String key, long first, long last) throws IOException;

	/** Where the object is on this machine's disk, if the store keeps it there (FFmpeg and sendfile read it in place). */
	Optional<Path> localPath(String key);

	/** What a pre-signed URL lets its holder do. */
	enum Access {

		GET, HEAD

	}

	/**
	 * A URL that lets whoever holds it read the object ({@code GET}, or {@code HEAD} for its headers) without any
	 * other credential, for {@code lifetime} at most; empty if the store has no such URL to give (the file system).
	 * It names the object whether or not it exists.
	 */
	Optional<URI> presigned(String key, Access access, Duration lifetime);

	/** Where the store is, for messages to people. */
	String describe(String key);

	/** The key of content by its SHA-256: {@code ab/abcdef...} plus an optional extension. */
	static String keyOf(String sha256, String extension) {
		if (!sha256.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("not a SHA-256: " + sha256);
		}
		return sha256.substring(0, 2) + "/" + sha256 + (extension == null ? "" : "." + extension);
	}

}
