package org.waveplan.pipeline;

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

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.waveplan.audio.Codec;
import org.waveplan.audio.RenderException;
import org.waveplan.shared.AtomicFiles;

/**
 * The renders folder: renditions under their content address ({@code ab/abcd....mp3}), and a work directory per
 * running instance for FFmpeg's temp files. An instance holds a lock on its work directory while it lives, so
 * the next start can tell a killed instance's leftovers from a live one's and remove them (the lock goes with
 * the process, even on kill -9; several instances may share the folder).
 */
@Component
class RenditionStore {

	private static final Logger log = LoggerFactory.getLogger(RenditionStore.class);

	private static final String LOCK = ".lock";

	private final Path root;

	private final Path work;

	private final FileChannel lockChannel;

	private final FileLock lock;

	RenditionStore(PipelineProperties settings) throws IOException {
		this.root = settings.rendersDir().toAbsolutePath();
		Path works = Files.createDirectories(root.resolve("work"));
		sweep(works);
		this.work = Files.createDirectories(works.resolve(UUID.randomUUID().toString()));
		this.lockChannel = FileChannel.open(work.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		this.lock = lockChannel.lock();
	}

	/** Where this instance's renders write their temp files. */
	Path workDir() {
		return work;
	}

	/** The only way to a rendition's file: from its key, never from a name a client sent. */
	Path pathOf(String key, Codec codec) {
		if (!key.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("not a rendition key: " + key);
		}
		return root.resolve(key.substring(0, 2)).resolve(key + "." + codec.extension());
	}

	/**
	 * Makes sure that a rendition can be published, before a render spends its time on it: its directory exists
	 * and takes a file.
	 * @throws RenderException if not (a failure that may pass), naming the directory
	 */
	void checkWritable(String key, Codec codec) {
		Path dir = pathOf(key, codec).getParent();
		try {
			Files.createDirectories(dir);
			Files.delete(Files.createTempFile(dir, ".probe", ".tmp"));
		}
		catch (IOException ex) {
			throw RenderException.cannotWrite(dir, ex);
		}
	}

	/**
	 * Moves a verified file from the work directory to its place, synced first: whole or not at all.
	 * @throws RenderException if it cannot (a failure that may pass), naming the directory
	 */
	Path publish(Path file, String key, Codec codec) {
		Path target = pathOf(key, codec);
		try {
			Files.createDirectories(target.getParent());
			AtomicFiles.publish(file, target);
			return target;
		}
		catch (IOException ex) {
			throw RenderException.cannotWrite(target.getParent(), ex);
		}
	}

	@PreDestroy
	void close() throws IOException {
		lock.release();
		lockChannel.close();
		deleteTree(work);
	}

	/** Removes the work directories of instances that are gone: their lock is free. */
	private static void sweep(Path works) throws IOException {
		try (Stream<Path> dirs = Files.list(works)) {
			for (Path dir : dirs.filter(Files::isDirectory).toList()) {
				if (abandoned(dir)) {
					log.info("removing the temp files of a render that was cut short: {}", dir);
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
