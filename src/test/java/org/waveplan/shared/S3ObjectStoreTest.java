package org.waveplan.shared;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The object store contract in S3: a real S3 API (s3proxy in this JVM), reached as the application reaches it. */
class S3ObjectStoreTest extends ObjectStoreContract {

	private Storage storage;

	@Override
	ObjectStore store() {
		storage = new Storage(new StorageProperties(StorageProperties.Type.S3, S3Server.bucket(), "test/", "us-east-1",
				S3Server.endpoint(), true, DataSize.ofBytes(PART), temp.resolve("storage-cache"), DataSize.ofMegabytes(1)),
				new WaveplanProperties(temp, 8));
		return storage.area("originals-" + UUID.randomUUID(), Path.of("unused"));
	}

	@AfterEach
	void close() throws IOException {
		storage.close();
	}

	/** Readiness asks the bucket: one that answers is ready, one out of reach says why within seconds. */
	@Test
	void theBucketIsProbedForReadiness() throws Exception {
		store();
		storage.probe();
		String bucket = S3Server.bucket();
		Storage away = new Storage(new StorageProperties(StorageProperties.Type.S3, bucket, "test/",
				"us-east-1", URI.create("http://127.0.0.1:9"), true, DataSize.ofBytes(PART), temp.resolve("away-cache"),
				DataSize.ofMegabytes(1)), new WaveplanProperties(temp, 8));
		try {
			assertThatThrownBy(away::probe).isInstanceOf(SdkException.class);
			assertThat(away.name()).isEqualTo("object store: bucket " + bucket);
		}
		finally {
			away.close();
		}
	}

}
