package org.waveplan.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every object store does, run against each: the file system and S3 (s3proxy). Bigger than the S3 store's part
 * size (5 MB here) means a multipart upload there.
 */
abstract class ObjectStoreContract {

	static final int PART = 5 * 1024 * 1024;

	@TempDir
	Path temp;

	private final Random random = new Random(12);

	/** The store under test, a new area each time. */
	abstract ObjectStore store();

	@Test
	void writesReadsAndReadsRanges() throws IOException {
		ObjectStore store = store();
		byte[] small = bytes(100_000);
		byte[] big = bytes(PART + 300_000);
		StoredObject one = put(store, small);
		StoredObject two = put(store, big);

		assertThat(one.size()).hasValue(small.length);
		assertThat(two.size()).hasValue(big.length);
		assertThat(read(one, 0, small.length - 1)).isEqualTo(small);
		assertThat(read(one, 100, 1099)).isEqualTo(Arrays.copyOfRange(small, 100, 1100));
		assertThat(Sha256.hex(read(two, 0, big.length - 1))).isEqualTo(two.sha256());
		// a range across the parts of a multipart upload
		assertThat(read(two, PART - 10, PART + 9)).isEqualTo(Arrays.copyOfRange(big, PART - 10, PART + 10));
	}

	@Test
	void publishingAFileTakesIt() throws IOException {
		ObjectStore store = store();
		byte[] content = bytes(50_000);
		Path file = Files.write(temp.resolve("rendered.mp3"), content);
		String key = ObjectStore.keyOf(Sha256.hex(content), "mp3");

		store.publish(key, file);

		assertThat(file).doesNotExist();
		assertThat(read(new StoredObject(store, key, null), 0, content.length - 1)).isEqualTo(content);
	}

	@Test
	void aMissingObjectHasNoSizeAndCannotBeReadNorCached() throws IOException {
		ObjectStore store = store();
		StoredObject missing = new StoredObject(store, ObjectStore.keyOf(Sha256.hex(bytes(10)), null),
				Sha256.hex(bytes(10)));

		assertThat(missing.size()).isEmpty();
		assertThatThrownBy(() -> missing.read(0, 9).close()).isInstanceOf(NoSuchFileException.class);
		try (SourceCache cache = new SourceCache(temp.resolve("cache"), 1_000_000)) {
			assertThatThrownBy(() -> cache.get(missing)).isInstanceOf(NoSuchFileException.class);
		}
	}

	@Test
	void aCorruptObjectIsFoundByItsHashOnTheWayIntoTheCache() throws IOException {
		ObjectStore store = store();
		byte[] right = bytes(20_000);
		byte[] damaged = right.clone();
		damaged[12_345] ^= 1;
		StoredObject object = new StoredObject(store, ObjectStore.keyOf(Sha256.hex(right), null), Sha256.hex(right));
		store.put(object.key(), new ByteArrayInputStream(damaged), damaged.length);

		try (SourceCache cache = new SourceCache(temp.resolve("cache"), 1_000_000)) {
			assertThatThrownBy(() -> cache.get(object)).isInstanceOf(CorruptObjectException.class)
				.hasMessageContaining(Sha256.hex(damaged));
			assertThat(cache.bytes()).isZero();
			assertThat(temp.resolve("cache")).isDirectoryNotContaining("glob:**/" + object.sha256());
		}
	}

	@Test
	void anUploadThatFailsMidwayLeavesNoObject() throws IOException {
		ObjectStore store = store();
		for (int size : new int[] { 100_000, PART + 300_000 }) {
			byte[] content = bytes(size);
			String key = ObjectStore.keyOf(Sha256.hex(content), null);
			// the client's connection breaks after most of the bytes (in the second part of a multipart upload)
			InputStream breaking = new SequenceInputStream(new ByteArrayInputStream(content, 0, size - 50_000),
					new InputStream() {
						@Override
						public int read() throws IOException {
							throw new IOException("connection reset by peer");
						}
					});

			assertThatThrownBy(() -> store.put(key, breaking, size)).isInstanceOf(IOException.class);

			assertThat(store.size(key)).as("object after a failed upload of %d bytes", size).isEmpty();
		}
	}

	@Test
	void theCacheKeepsItsSizeByDroppingTheLeastRecentlyUsedCopyNobodyHolds() throws IOException {
		ObjectStore store = store();
		StoredObject a = put(store, bytes(1000));
		StoredObject b = put(store, bytes(1000));
		StoredObject c = put(store, bytes(1000));
		StoredObject d = put(store, bytes(1000));
		Path dir = temp.resolve("cache");
		try (SourceCache cache = new SourceCache(dir, 3000)) {
			cache.get(a).close();
			cache.get(b).close();
			SourceCache.Lease held = cache.get(c);
			cache.get(a).close(); // a is used again: b is now the least recently used
			try (SourceCache.Lease copy = cache.get(d)) {
				assertThat(Files.readAllBytes(copy.path())).isEqualTo(read(d, 0, 999));
			}

			assertThat(dir.resolve(b.sha256())).doesNotExist();
			assertThat(dir.resolve(a.sha256())).exists();
			assertThat(dir.resolve(d.sha256())).exists();
			assertThat(cache.bytes()).isEqualTo(3000);

			// c is held by a render: a is dropped instead, then c once it is let go and more room is needed
			cache.get(b).close();
			assertThat(dir.resolve(c.sha256())).exists();
			assertThat(dir.resolve(a.sha256())).doesNotExist();
			held.close();
			cache.get(a).close();
			assertThat(dir.resolve(c.sha256())).doesNotExist();
			assertThat(cache.bytes()).isEqualTo(3000);
		}
		// a new start counts what is there
		try (SourceCache again = new SourceCache(dir, 3000)) {
			assertThat(again.bytes()).isEqualTo(3000);
		}
	}

	/** A copy cut short by a crash, changed, or removed is fetched again, never handed to FFmpeg. */
	@Test
	void aCachedCopyThatIsNotWholeIsFetchedAgain() throws IOException {
		ObjectStore store = store();
		byte[] content = bytes(1000);
		StoredObject object = put(store, content);
		Path dir = temp.resolve("cache-repair");
		Path copy = dir.resolve(object.sha256());
		try (SourceCache cache = new SourceCache(dir, 10_000)) {
			cache.get(object).close();
			Files.delete(copy);
			try (SourceCache.Lease again = cache.get(object)) {
				assertThat(Files.readAllBytes(again.path())).isEqualTo(content);
			}
			Files.write(copy, new byte[10]);
			try (SourceCache.Lease again = cache.get(object)) {
				assertThat(Files.readAllBytes(again.path())).isEqualTo(content);
			}
		}
		// what a crash left at the right length but with other bytes is hashed once at its first use after a start
		byte[] damaged = content.clone();
		damaged[500] ^= 1;
		Files.write(copy, damaged);
		try (SourceCache restarted = new SourceCache(dir, 10_000); SourceCache.Lease again = restarted.get(object)) {
			assertThat(Files.readAllBytes(again.path())).isEqualTo(content);
		}
	}

	@Test
	void theSameBytesUploadedAgainMendADamagedOrShortCopy() throws IOException {
		ObjectStore store = store();
		ContentStore content = new ContentStore(store, temp.resolve("uploads"));
		byte[] original = bytes(20_000);
		StoredObject stored = content.publish(content.receive(new ByteArrayInputStream(original)));
		byte[] damaged = original.clone();
		damaged[5000] ^= 1;

		store.put(stored.key(), new ByteArrayInputStream(damaged), damaged.length);
		StoredContent again = content.receive(new ByteArrayInputStream(original));
		content.publish(again);
		assertThat(read(stored, 0, original.length - 1)).isEqualTo(original);
		assertThat(again.path()).doesNotExist();

		store.put(stored.key(), new ByteArrayInputStream(original, 0, 100), 100);
		content.publish(content.receive(new ByteArrayInputStream(original)));
		assertThat(read(stored, 0, original.length - 1)).isEqualTo(original);
		content.close();
	}

	private byte[] bytes(int size) {
		byte[] b = new byte[size];
		random.nextBytes(b);
		return b;
	}

	private static StoredObject put(ObjectStore store, byte[] content) throws IOException {
		String sha256 = Sha256.hex(content);
		store.put(ObjectStore.keyOf(sha256, null), new ByteArrayInputStream(content), content.length);
		return new StoredObject(store, ObjectStore.keyOf(sha256, null), sha256);
	}

	private static byte[] read(StoredObject object, long first, long last) throws IOException {
		try (InputStream in = object.read(first, last)) {
			return in.readAllBytes();
		}
	}

}
