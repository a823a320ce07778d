package org.waveplan.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local copies of stored sources (originals, idents) for FFmpeg, which reads files: {@code <dir>/<sha256>}, filled on
 * demand, each checked against its SHA-256 on the way in (a missing or damaged object fails here, before a render
 * spends time on it), and kept within a size by dropping the least recently used copies that no render holds.
 * Downloads go to this instance's {@code incoming/<uuid>} first, so a copy is in the cache whole or not at all.
 * <p>
 * The cache is one instance's: another's eviction would delete a copy FFmpeg is reading. A second instance given the
 * same folder (a shared data dir) is refused at start, by a lock that goes with the process, even on kill -9.
 */
public final class SourceCache implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SourceCache.class);

	private final Path dir;

	private final long maxBytes;

	private final InstanceDir incoming;

	private final FileChannel lock;

	// folders held by this JVM: a second channel's lock on the same file would throw, and its close free the first
	private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

	// access order: the eldest is the least recently used
	private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

	private long total;

	public SourceCache(Path dir, long maxBytes) {
		this.dir = dir.toAbsolutePath().normalize();
		this.maxBytes = maxBytes;
		try {
			Files.createDirectories(this.dir);
			this.lock = lock(this.dir);
			this.incoming = InstanceDir.open(this.dir.resolve("incoming"));
			// what an earlier run cached counts, oldest first
			try (Stream<Path> files = Files.list(this.dir)) {
				files.filter(f -> f.getFileName().toString().matches("[0-9a-f]{64}"))
					.sorted(Comparator.comparing(SourceCache::modified))
					.forEach(f -> add(f.getFileName().toString(), size(f)).verified = false);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot open the source cache " + dir, ex);
		}
		synchronized (this) {
			evict();
		}
	}

	/** A local copy of a stored object while the lease is open: it is not evicted meanwhile. */
	public interface Lease extends AutoCloseable {

		Path path();

		@Override
		void close();

	}

	public Lease get(StoredObject object) throws IOException {
		String name = object.sha256();
		synchronized (this) {
			Entry entry = entries.get(name);
			if (entry != null) {
				if (intact(name, entry)) {
					return lease(name, entry);
				}
				// gone, cut short by a crash, or changed: fetched again rather than failing the render as the episode's
				log.warn("The source cache's copy of {} is not whole: fetched again", name);
				drop(name, entry);
			}
		}
		Path temp = download(object);
		synchronized (this) {
			Entry entry = entries.get(name);
			if (entry != null) {
				// another render fetched it meanwhile
				Files.delete(temp);
				return lease(name, entry);
			}
			long size = Files.size(temp);
			AtomicFiles.move(temp, dir.resolve(name));
			entry = add(name, size);
			Lease lease = lease(name, entry);
			evict();
			return lease;
		}
	}

	/**
	 * Whether the copy is there at its length; one an earlier run left (a crash may have cut it short before its
	 * length was known) is hashed once, the first time it is asked for.
	 */
	private boolean intact(String name, Entry entry) throws IOException {
		Path file = dir.resolve(name);
		if (!Files.isRegularFile(file) || Files.size(file) != entry.size) {
			return false;
		}
		if (!entry.verified) {
			entry.verified = Sha256.of(file).equals(name);
		}
		return entry.verified;
	}

	private void drop(String name, Entry entry) throws IOException {
		if (entry.users > 0) {
			throw new IOException("the source cache's copy of " + name + " is damaged while in use");
		}
		entries.remove(name);
		total -= entry.size;
		Files.deleteIfExists(dir.resolve(name));
	}

	private Path download(StoredObject object) throws IOException {
		long size = object.size()
			.orElseThrow(() -> new NoSuchFileException(object + " is missing from the store"));
		Path temp = Files.createTempFile(incoming.path(), object.sha256(), ".part");
		try {
			String actual;
			try (InputStream in = size == 0 ? InputStream.nullInputStream() : object.read(0, size - 1);
					FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
					DigestOutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), Sha256.digest())) {
				in.transferTo(out);
				out.flush();
				// on disk before it is moved into place: a crash leaves no short copy under the name
				channel.force(true);
				actual = HexFormat.of().formatHex(out.getMessageDigest().digest());
			}
			if (!actual.equals(object.sha256())) {
				throw new CorruptObjectException(object, actual);
			}
			return temp;
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(temp);
			throw ex;
		}
	}

	private Entry add(String name, long size) {
		Entry entry = new Entry(size);
		entries.put(name, entry);
		total += size;
		return entry;
	}

	private Lease lease(String name, Entry entry) {
		entry.users++;
		Path path = dir.resolve(name);
		return new Lease() {

			private boolean closed;

			@Override
			public Path path() {
				return path;
			}

			@Override
			public void close() {
				synchronized (SourceCache.this) {
					if (!closed) {
						closed = true;
						entry.users--;
						evict();
					}
				}
			}

		};
	}

	/** Drops the least recently used copies nobody holds until the cache fits its size. */
	private void evict() {
		Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
		while (total > maxBytes && it.hasNext()) {
			Map.Entry<String, Entry> e = it.next();
			if (e.getValue().users == 0) {
				try {
					Files.deleteIfExists(dir.resolve(e.getKey()));
					it.remove();
					total -= e.getValue().size;
				}
				catch (IOException ex) {
					log.warn("cannot drop {} from the source cache: {}", e.getKey(), ex.getMessage());
				}
			}
		}
	}

	/** Bytes held now. */
	synchronized long bytes() {
		return total;
	}

	@Override
	public void close() throws IOException {
		incoming.close();
		lock.close();
		HELD.remove(dir);
	}

	private static FileChannel lock(Path dir) throws IOException {
		String inUse = "the source cache " + dir + " is in use by another running instance: give each instance its own"
				+ " (waveplan.storage.cache-dir, or its own waveplan.data-dir)";
		if (!HELD.add(dir)) {
			throw new IllegalStateException(inUse);
		}
		FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		if (channel.tryLock() == null) {
			channel.close();
			HELD.remove(dir);
			throw new IllegalStateException(inUse);
		}
		return channel;
	}

	private static final class Entry {

		final long size;

		int users;

		// false for a copy an earlier run left, until it is hashed
		boolean verified = true;

		Entry(long size) {
			this.size = size;
		}

	}

	private static FileTime modified(Path file) {
		try {
			return Files.getLastModifiedTime(file);
		}
		catch (IOException ex) {
			return FileTime.fromMillis(0);
		}
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
