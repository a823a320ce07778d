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

import jakarta.annotation.PreDestroy;

/**
 * Files kept by their content: {@code ab/abcdef...} by SHA-256 under a root. An upload is streamed to a temp
 * file beside them (never held in memory), checked by the caller, and only then moved into place atomically;
 * the same bytes are stored once. Temp files are in this instance's {@code incoming/<uuid>}: what a killed
 * instance left there is removed at the next start.
 */
public class ContentStore {

	private final Path root;

	private final InstanceDir incoming;

	protected ContentStore(Path root) {
		this.root = root;
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

	/** Moves a checked upload to its place, or drops it when the same bytes are there already. */
	public StoredContent publish(StoredContent received) throws IOException {
		Path target = pathOf(received.sha256());
		if (Files.exists(target)) {
			Files.delete(received.path());
		}
		else {
			Files.createDirectories(target.getParent());
			AtomicFiles.move(received.path(), target);
		}
		return new StoredContent(target, received.sha256(), received.size());
	}

	public void discard(StoredContent received) throws IOException {
		Files.deleteIfExists(received.path());
	}

	/** The only way to a stored file: from a hash, never from a name a client sent. */
	public Path pathOf(String sha256) {
		if (!sha256.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("not a SHA-256: " + sha256);
		}
		return root.resolve(sha256.substring(0, 2)).resolve(sha256);
	}

	@PreDestroy
	public void close() throws IOException {
		incoming.close();
	}

}
