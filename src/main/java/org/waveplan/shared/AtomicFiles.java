package org.waveplan.shared;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes files whole or not at all: written to a temp file beside the target, synced, then moved. */
public final class AtomicFiles {

	private static final Logger log = LoggerFactory.getLogger(AtomicFiles.class);

	private AtomicFiles() {
	}

	public static void write(Path target, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
		Path dir = target.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
		try {
			if (permissions != null && Files.getFileStore(temp).supportsFileAttributeView("posix")) {
				Files.setPosixFilePermissions(temp, permissions);
			}
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
				ByteBuffer buffer = ByteBuffer.wrap(content);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
			move(temp, target);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	/** Syncs a finished temp file to disk, then moves it into place atomically: after a crash it is whole or absent. */
	public static void publish(Path temp, Path target) throws IOException {
		try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
		move(temp, target);
	}

	/** Moves a finished temp file into place atomically (same file system). */
	public static void move(Path temp, Path target) throws IOException {
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException e) {
			throw new IOException("cannot publish " + target + " atomically: temp and target must be on one file system", e);
		}
	}

	/**
	 * Deletes a temp file that is not to be published, if there is one. Clean-up on the way out: one that cannot be
	 * deleted is worth a warning, not hiding the outcome it follows.
	 */
	public static void discard(Path temp) {
		if (temp == null) {
			return;
		}
		try {
			Files.deleteIfExists(temp);
		}
		catch (IOException ex) {
			log.warn("cannot delete the temp file {}: {}", temp, ex.getMessage());
		}
	}

}
