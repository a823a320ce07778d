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

/** Publishes files whole or not at all: written to a temp file beside the target, synced, then moved. */
public final class AtomicFiles {

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

}
