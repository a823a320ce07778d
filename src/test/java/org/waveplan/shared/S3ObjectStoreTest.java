package org.waveplan.shared;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;

import org.springframework.util.unit.DataSize;

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

}
