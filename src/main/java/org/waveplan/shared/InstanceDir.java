package org.waveplan.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory for one running instance's temp files, {@code <parent>/<uuid>}, under a parent that several
 * instances may share. The instance holds a lock on it while it lives, so the next start can tell a killed
 * instance's leftovers from a live one's and remove them (the lock goes with the process, even on kill -9).
 */
public final class InstanceDir implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(InstanceDir.class);

	private static final String LOCK = ".lock";

	private final Path path;

	private final FileChannel lockChannel;

	private final FileLock lock;

	private InstanceDir(Path path) throws IOException {
		this.path = path;
		this.lockChannel = FileChannel.open(path.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		this.lock = lockChannel.lock();
	}

	/** Removes what instances that are gone left under the parent, then makes and locks this instance's directory. */
	public static InstanceDir open(Path parent) throws IOException {
		Files.createDirectories(parent);
		sweep(parent);
		return new InstanceDir(Files.createDirectories(parent.resolve(UUID.randomUUID().toString())));
	}

	public Path path() {
		return path;
	}

	@Override
	public void close() throws IOException {
		lock.release();
		lockChannel.close();
		deleteTree(path);
	}

	/** Removes the directories of instances that are gone: their lock is free. */
	private static void sweep(Path parent) throws IOException {
		try (Stream<Path> dirs = Files.list(parent)) {
			for (Path dir : dirs.filter(Files::isDirectory).toList()) {
				if (abandoned(dir)) {
					log.info("removing the temp files of an instance that was stopped short: {}", dir);
					deleteTree(dir);
				}
			}
		}
	}

	private static boolean abandoned(Path dir) throws IOException {
		Path lockFile = dir.resolve(LOCK);
		if (!Files.exists(lockFile)) {
			// a directory that an instance is still setting up has no lock for a moment
			return Files.getLastModifiedTime(dir).toInstant().isBefore(Instant.now().minusSeconds(60));
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
				FileLock held = channel.tryLock()) {
			return held != null;
		}
		catch (OverlappingFileLockException alive) {
			// another application context in this JVM holds it
			return false;
		}
	}

	private static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(file -> {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

}
