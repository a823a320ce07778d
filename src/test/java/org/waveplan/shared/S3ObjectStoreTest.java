package org.waveplan.shared;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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

	/**
	 * A pre-signed URL reads the object with no credential but its own, from the client's endpoint in its path
	 * style, for the lifetime asked; one for HEAD does not GET.
	 */
	@Test
	void givesPreSignedUrlsThatReadTheObjectForTheirLifetime() throws Exception {
		ObjectStore store = store();
		byte[] content = new byte[3000];
		new java.util.Random(3).nextBytes(content);
		String key = ObjectStore.keyOf(Sha256.hex(content), "mp3");
		store.put(key, new ByteArrayInputStream(content), content.length);
		HttpClient http = HttpClient.newHttpClient();

		URI get = store.presigned(key, ObjectStore.Access.GET, Duration.ofSeconds(90)).orElseThrow();
		assertThat(get.toString()).startsWith(S3Server.endpoint() + "/").contains("/test/").contains(key)
			.contains("X-Amz-Expires=90&");
		HttpResponse<byte[]> whole = http.send(HttpRequest.newBuilder(get).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(whole.statusCode()).isEqualTo(200);
		assertThat(whole.body()).isEqualTo(content);
		HttpResponse<byte[]> tail = http.send(HttpRequest.newBuilder(get).header("Range", "bytes=1000-").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(tail.statusCode()).isEqualTo(206);
		assertThat(tail.body()).hasSize(2000);

		URI head = store.presigned(key, ObjectStore.Access.HEAD, Duration.ofSeconds(90)).orElseThrow();
		HttpResponse<Void> headers = http.send(
				HttpRequest.newBuilder(head).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.discarding());
		assertThat(headers.statusCode()).isEqualTo(200);
		assertThat(headers.headers().firstValueAsLong("Content-Length")).hasValue(content.length);
		assertThat(http.send(HttpRequest.newBuilder(head).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
			.isEqualTo(403);
	}

	/**
	 * Readiness asks the bucket: one that answers is ready, one out of reach says why within seconds. An upload that
	 * cannot be stored there is answered "try again later", not "insufficient storage", and nothing of it is kept.
	 */
	@Test
	void aBucketOutOfReachIsNotReadyAndAnUploadIsToldToComeBack() throws Exception {
		store();
		storage.probe();
		String bucket = S3Server.bucket();
		Storage away = new Storage(new StorageProperties(StorageProperties.Type.S3, bucket, "test/",
				"us-east-1", URI.create("http://127.0.0.1:9"), true, DataSize.ofBytes(PART), temp.resolve("away-cache"),
				DataSize.ofMegabytes(1)), new WaveplanProperties(temp, 8));
		try {
			assertThatThrownBy(away::probe).isInstanceOf(SdkException.class);
			assertThat(away.name()).isEqualTo("object store: bucket " + bucket);

			ContentStore uploads = new ContentStore(away.area("originals", Path.of("unused")), temp.resolve("uploads"));
			StoredContent received = uploads.receive(new ByteArrayInputStream(new byte[1000]));
			assertThatThrownBy(() -> uploads.publish(received)).isInstanceOfSatisfying(ProblemException.class, problem -> {
				assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
				assertThat(problem.toResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
				assertThat(problem.toProblemDetail().getDetail()).contains("nothing of this upload was kept");
			});
			uploads.discard(received);
			uploads.close();
			assertThat(temp.resolve("uploads/incoming")).isEmptyDirectory();
		}
		finally {
			away.close();
		}
	}

}
