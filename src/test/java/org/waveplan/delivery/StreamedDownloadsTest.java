package org.waveplan.delivery;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import org.waveplan.pipeline.DeliverableFile;
import org.waveplan.shared.ObjectStore;
import org.waveplan.shared.ProblemException;
import org.waveplan.shared.S3Server;
import org.waveplan.shared.Storage;
import org.waveplan.shared.StorageProperties;
import org.waveplan.shared.StoredObject;
import org.waveplan.shared.WaveplanProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Downloads streamed from the bucket take one of a few places, so that slow sites cannot hold every request thread;
 * one past them is a 503 with Retry-After and none of the file's headers. Files on the file system take none.
 */
class StreamedDownloadsTest {

	@TempDir
	Path temp;

	@Test
	void streamsFromTheBucketTakeAPlaceEachAndOnePastThemIsToldToComeBack() throws Exception {
		StreamedDownloads streams = new StreamedDownloads(settings(1));
		DeliverableFile inBucket = file(storage(StorageProperties.Type.S3));
		DeliverableFile onDisk = file(storage(StorageProperties.Type.FILESYSTEM));
		{

			MockHttpServletResponse refused = new MockHttpServletResponse();
			try (StreamedDownloads.Place first = streams.take(inBucket, new MockHttpServletResponse());
					StreamedDownloads.Place sendfile = streams.take(onDisk, new MockHttpServletResponse())) {
				refused.setHeader(HttpHeaders.ETAG, "\"abc\"");
				assertThatThrownBy(() -> streams.take(inBucket, refused)).isInstanceOfSatisfying(ProblemException.class,
						problem -> {
							assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
							assertThat(problem.toProblemDetail().getType().toString()).endsWith("too-many-downloads");
							assertThat(problem.toResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
						});
				assertThat(refused.getHeader(HttpHeaders.ETAG)).isNull();
			}
			// its place free again
			streams.take(inBucket, new MockHttpServletResponse()).close();
		}
	}

	private StoredObject storage(StorageProperties.Type type) {
		Storage storage = new Storage(new StorageProperties(type, S3Server.bucket(), "", "us-east-1", S3Server.endpoint(),
				true, DataSize.ofMegabytes(5), temp.resolve("cache-" + type), DataSize.ofMegabytes(1)),
				new WaveplanProperties(temp, 8));
		String sha256 = "ab".repeat(32);
		return new StoredObject(storage.area("renders", temp.resolve("renders")), ObjectStore.keyOf(sha256, "mp3"), sha256);
	}

	private static DeliverableFile file(StoredObject content) {
		return new DeliverableFile(1, "abc.mp3", content, 3, "abc", Instant.EPOCH);
	}

	private static DeliveryProperties settings(int streamsAtOnce) {
		return new DeliveryProperties(Duration.ofDays(7), Duration.ofHours(1), Duration.ofDays(1), Path.of("unused"),
				Duration.ofSeconds(5), null, null, DeliveryProperties.SiteFiles.STREAM, Duration.ofMinutes(5),
				streamsAtOnce);
	}

}
