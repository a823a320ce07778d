package org.waveplan.shared;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** A file system store moved into a real S3 API (s3proxy in this JVM), every object checked by its hash. */
class BucketMoveTest {

	@TempDir
	Path temp;

	private Storage storage;

	@AfterEach
	void close() throws IOException {
		storage.close();
	}

	@Test
	void movesEveryStoredFileVerifiesItAndLeavesTheDamagedOnesOut() throws Exception {
		storage = new Storage(new StorageProperties(StorageProperties.Type.S3, S3Server.bucket(), "moved/", "us-east-1",
				S3Server.endpoint(), true, DataSize.ofMegabytes(5), temp.resolve("cache"), DataSize.ofMegabytes(1)),
				new WaveplanProperties(temp, 8));
		Path originals = temp.resolve("originals");
		Path renders = temp.resolve("renders");
		byte[] episode = "an episode's bytes".getBytes(StandardCharsets.UTF_8);
		String sha = Sha256.hex(episode);
		write(originals.resolve(sha.substring(0, 2)).resolve(sha), episode);
		// damaged on disk: its bytes are not the ones its name promises
		String other = Sha256.hex("other bytes");
		write(originals.resolve(other.substring(0, 2)).resolve(other), "bit rot".getBytes(StandardCharsets.UTF_8));
		String rendition = Sha256.hex("a recipe");
		byte[] mp3 = "a rendition's bytes".getBytes(StandardCharsets.UTF_8);
		write(renders.resolve(rendition.substring(0, 2)).resolve(rendition + ".mp3"), mp3);
		// an upload cut short and a render's work files are not stored objects
		write(originals.resolve("incoming/" + UUID.randomUUID() + "/upload-1.part"), episode);
		write(renders.resolve("work/x/out.wav"), mp3);
		ObjectStore bucketOriginals = storage.area("originals", originals);
		ObjectStore bucketRenders = storage.area("renders", renders);

		BucketMove.Report report = storage.moveIntoBucket();

		assertThat(report.put()).isEqualTo(2);
		assertThat(report.present()).isZero();
		assertThat(report.failed()).singleElement().asString().contains(other, "not to its name");
		assertThat(report.verified()).isFalse();
		assertThat(read(bucketOriginals, ObjectStore.keyOf(sha, null), episode.length)).isEqualTo(episode);
		assertThat(read(bucketRenders, ObjectStore.keyOf(rendition, "mp3"), mp3.length)).isEqualTo(mp3);
		assertThat(bucketOriginals.size(ObjectStore.keyOf(other, null))).isEmpty();
		// nothing is deleted: the folders go once the move is verified
		assertThat(originals.resolve(sha.substring(0, 2)).resolve(sha)).exists();

		// run again, what is there is verified, not put again
		Files.delete(originals.resolve(other.substring(0, 2)).resolve(other));
		BucketMove.Report again = storage.moveIntoBucket();
		assertThat(again.put()).isZero();
		assertThat(again.present()).isEqualTo(2);
		assertThat(again.verified()).isTrue();
	}

	private static void write(Path file, byte[] bytes) throws IOException {
		Files.createDirectories(file.getParent());
		Files.write(file, bytes);
	}

	private static byte[] read(ObjectStore store, String key, int length) throws IOException {
		try (InputStream in = store.read(key, 0, length - 1)) {
			return in.readAllBytes();
		}
	}

}
