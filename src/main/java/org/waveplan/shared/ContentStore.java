package org.waveplan.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.util.HexFormat;
import java.util.OptionalLong;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files kept by their content: {@code ab/abcdef...} by SHA-256 in an {@link ObjectStore}. An upload is streamed to
 * a local temp file (never held in memory; FFmpeg checks it there), checked by the caller, and only then stored:
 * moved into place atomically on the file system, uploaded to S3; the same bytes are stored once. Temp files are in
 * this instance's {@code <root>/incoming/<uuid>}: what a killed instance left there is removed at the next start.
 */
public class ContentStore {

	private static final Logger log = LoggerFactory.getLogger(ContentStore.class);


	private final ObjectStore store;

	private final InstanceDir incoming;

	/** In {@code store}, with upload temp files under {@code root}. */
	protected ContentStore(ObjectStore store, Path root) {
		this.store = store;
		try {
			this.incoming = InstanceDir.open(root.resolve("incoming"));
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot make the temp directory for uploads under " + root, e);
		}
	}

	/** Streams an upload to a temp file, hashing it on the way. */
	public StoredContent receive(InputStream in) throws IOException {
		Files.createDirectories(incoming.path());
		Path temp = Files.createTempFile(incoming.path(), "upload-", ".part");
		try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
				DigestOutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), Sha256.digest())) {
			long size = in.transferTo(out);
			out.flush();
			channel.force(true);
			return new StoredContent(temp, HexFormat.of().formatHex(out.getMessageDigest().digest()), size);
		}
		catch (IOException | RuntimeException e) {
			Files.deleteIfExists(temp);
			throw e;
		}
	}

	/**
	 * Stores a checked upload, or drops it when the same bytes are there already. A stored copy that is not those
	 * bytes (cut short, damaged) is replaced: uploading the file again is how a producer mends it.
	 */
	public StoredObject publish(StoredContent received) throws IOException {
		try {
			return publishOrMend(received);
		}
		catch (StoreUnavailableException ex) {
			log.warn("cannot store an upload: {}", ex.getMessage());
			throw ex.answer("nothing of this upload was kept: send it again");
		}
	}

	private StoredObject publishOrMend(StoredContent received) throws IOException {
		StoredObject stored = object(received.sha256());
		OptionalLong size = stored.size();
		if (size.isPresent() && size.getAsLong() == received.size()
				&& hashOf(stored, received.size()).equals(received.sha256())) {
			Files.delete(received.path());
			return stored;
		}
		if (size.isPresent()) {
			log.warn("{} is not what its name says: replaced by the new upload of those bytes", stored);
		}
		store.publish(stored.key(), received.path());
		return stored;
	}

	/** The SHA-256 of what is stored, of the size just asked (no second request for it). */
	private static String hashOf(StoredObject stored, long size) throws IOException {
		if (size == 0) {
			return Sha256.hex(new byte[0]);
		}
		try (InputStream in = stored.read(0, size - 1)) {
			return Sha256.of(in);
		}
	}

	public void discard(StoredContent received) throws IOException {
		Files.deleteIfExists(received.path());
	}

	/** The only way to stored content: from a hash, never from a name a client sent. */
	public StoredObject object(String sha256) {
		return new StoredObject(store, ObjectStore.keyOf(sha256, null), sha256);
	}

	@PreDestroy
	public void close() throws IOException {
		incoming.close();
	}

}
