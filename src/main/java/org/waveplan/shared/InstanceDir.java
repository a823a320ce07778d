package org.waveplan.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory for one running instance's temp files, {@code <parent>/<uuid>}, under a parent that several
 * instances may share. The instance holds a lock on it while it lives, so the next start can tell a killed
 * instance's leftovers from a live one's and remove them (the lock goes with the process, even on kill -9).
 * <p>
 * The directory is made and locked under a staging name ({@code .new-<uuid>}) and only then renamed, so a sweep never
 * finds it unlocked. Directories this JVM holds are never probed: on Linux, closing any channel on a locked file
 * releases the process's lock on it.
 */
public final class InstanceDir implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(InstanceDir.class);

	private static final String LOCK = ".lock";

	private static final String STAGING = ".new-";

	private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

	private final Path path;

	private final FileChannel lockChannel;

	private final FileLock lock;

	private InstanceDir(Path path, FileChannel lockChannel, FileLock lock) {
		this.path = path;
		this.lockChannel = lockChannel;
		this.lock = lock;
	}

	/** Removes what instances that are gone left under the parent, then makes and locks this instance's directory. */
	public static InstanceDir open(Path parent) throws IOException {
		Files.createDirectories(parent);
		sweep(parent);
		String id = UUID.randomUUID().toString();
		Path path = parent.resolve(id);
		HELD.add(key(path));
		Path staging = Files.createDirectory(parent.resolve(STAGING + id));
		FileChannel channel = FileChannel.open(staging.resolve(LOCK), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE);
		FileLock lock = channel.lock();
		// the lock is the file's, not its name's: it holds across the rename
		Files.move(staging, path, StandardCopyOption.ATOMIC_MOVE);
		return new InstanceDir(path, channel, lock);
	}

	public Path path() {
		return path;
	}

	@Override
	public void close() throws IOException {
		lock.release();
		lockChannel.close();
		deleteTree(path);
		HELD.remove(key(path));
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
		if (HELD.contains(key(dir))) {
			// another application context in this JVM
			return false;
		}
		Path lockFile = dir.resolve(LOCK);
		if (dir.getFileName().toString().startsWith(STAGING) || !Files.exists(lockFile)) {
			// one that an instance is still setting up; one a minute old was left by an instance killed doing so
			return Files.getLastModifiedTime(dir).toInstant().isBefore(Instant.now().minusSeconds(60));
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
				FileLock held = channel.tryLock()) {
			return held != null;
		}
		catch (OverlappingFileLockException alive) {
			return false;
		}
	}

	private static Path key(Path dir) {
		return dir.toAbsolutePath().normalize();
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
