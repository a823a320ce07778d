package org.waveplan.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** Objects as files under a root: written to a temp file beside the target, synced, then moved atomically. */
final class FileObjectStore implements ObjectStore {

	private final Path root;

	FileObjectStore(Path root) {
		this.root = root.toAbsolutePath();
	}

	@Override
	public void put(String key, InputStream content, long size) throws IOException {
		Path target = pathOf(key);
		Files.createDirectories(target.getParent());
		Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
		try {
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
				OutputStream out = Channels.newOutputStream(channel);
				long written = content.transferTo(out);
				if (written != size) {
					throw new IOException("the content of " + key + " ended after " + written + " of " + size + " bytes");
				}
				channel.force(true);
			}
			AtomicFiles.move(temp, target);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	@Override
	public void publish(String key, Path file) throws IOException {
		Path target = pathOf(key);
		Files.createDirectories(target.getParent());
		AtomicFiles.publish(file, target);
	}

	@Override
	public void delete(String key) throws IOException {
		Files.deleteIfExists(pathOf(key));
	}

	@Override
	public OptionalLong size(String key) throws IOException {
		try {
			return OptionalLong.of(Files.size(pathOf(key)));
		}
		catch (NoSuchFileException ex) {
			return OptionalLong.empty();
		}
	}

	@Override
	public InputStream read(String key, long first, long last) throws IOException {
		FileChannel channel = FileChannel.open(pathOf(key), StandardOpenOption.READ);
		channel.position(first);
		return new BoundedInputStream(Channels.newInputStream(channel), last - first + 1);
	}

	@Override
	public Optional<Path> localPath(String key) {
		return Optional.of(pathOf(key));
	}

	/** None: a file on this machine's disk is reached through the service only. */
	@Override
	public Optional<URI> presigned(String key, Access access, Duration lifetime) {
		pathOf(key);
		return Optional.empty();
	}

	@Override
	public String describe(String key) {
		return pathOf(key).toString();
	}

	private Path pathOf(String key) {
		if (!key.matches("[0-9a-f]{2}/[0-9a-f]{64}(\\.[a-z0-9]{1,4})?")) {
			throw new IllegalArgumentException("not a content address: " + key);
		}
		return root.resolve(key);
	}

}
