package org.waveplan.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.waveplan.pipeline.RenderTestSupport;
import org.waveplan.security.Role;
import org.waveplan.shared.S3Server;
import org.waveplan.shared.Sha256;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application on S3 (s3proxy in this JVM): an episode uploaded through the API goes to the bucket, its render
 * reads it from there (through the local cache) and publishes to the bucket, and a site downloads its file from the
 * bucket through the site API, in ranges, every byte checked by the SHA-256.
 */
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:waveplan-s3;DB_CLOSE_DELAY=-1",
		"waveplan.data-dir=${waveplan.test.dir:target}/test-data-s3", "spring.quartz.scheduler-name=waveplan-s3-test" })
class StorageOnS3Test extends RenderTestSupport {

	private static final String BUCKET = S3Server.bucket();

	@Value("${waveplan.data-dir}")
	Path dataDir;

	@DynamicPropertySource
	static void s3(DynamicPropertyRegistry registry) {
		S3Server.settings(BUCKET).forEach((name, value) -> registry.add(name, () -> value));
	}

	@Test
	void anEpisodeGoesToTheBucketIsRenderedFromItAndReachesTheSiteInRanges() throws Exception {
		JsonNode episode = threeSitesAirTheSameEpisodeTomorrow();
		post(producer(), "/api/airings/" + airing(renders(""), "TAC") + "/render", null);
		JsonNode tac = render(awaitAll("done", 3), "TAC");

		String original = episode.get("sha256").asText();
		String rendition = tac.get("renditionKey").asText() + ".mp3";
		try (S3Client s3 = S3Server.client()) {
			List<String> keys = s3.listObjectsV2Paginator(r -> r.bucket(BUCKET)).contents().stream()
				.map(S3Object::key)
				.toList();
			assertThat(keys).contains("waveplan/originals/" + original.substring(0, 2) + "/" + original,
					"waveplan/renders/" + rendition.substring(0, 2) + "/" + rendition);
			ResponseBytes<GetObjectResponse> stored = s3.getObjectAsBytes(r -> r.bucket(BUCKET)
				.key("waveplan/originals/" + original.substring(0, 2) + "/" + original));
			assertThat(Sha256.hex(stored.asByteArray())).isEqualTo(original);
		}
		// nothing of them on the local disk but the checked copy of the source that FFmpeg read
		assertThat(files(storageRoot.resolve("originals"))).allMatch(f -> f.getFileName().toString().equals(".lock"));
		assertThat(files(dataDir.resolve("renders"))).allMatch(f -> f.getFileName().toString().equals(".lock"));
		assertThat(dataDir.resolve("cache").resolve(original)).exists();

		String token = post(as(Role.ADMIN), "/api/sites/TAC/tokens", Map.of("label", "agent")).getBody()
			.get("token")
			.asText();
		ResponseEntity<byte[]> manifest = site(token, "/api/sites/TAC/manifest", new HttpHeaders());
		JsonNode file = new ObjectMapper().readTree(manifest.getBody()).get("airings").get(0).get("file");
		assertThat(file.get("name").asText()).isEqualTo(rendition);
		String url = file.get("url").asText();
		int size = file.get("sizeBytes").asInt();

		HttpHeaders first = new HttpHeaders();
		first.set(HttpHeaders.RANGE, "bytes=0-999");
		ResponseEntity<byte[]> head = site(token, url, first);
		assertThat(head.getStatusCode()).isEqualTo(HttpStatus.PARTIAL_CONTENT);
		assertThat(head.getHeaders().getFirst(HttpHeaders.CONTENT_RANGE)).isEqualTo("bytes 0-999/" + size);
		assertThat(head.getHeaders().getFirst("Repr-Digest")).isNotBlank();
		HttpHeaders rest = new HttpHeaders();
		rest.set(HttpHeaders.RANGE, "bytes=1000-");
		rest.set(HttpHeaders.IF_RANGE, head.getHeaders().getETag());
		ResponseEntity<byte[]> tail = site(token, url, rest);
		assertThat(tail.getStatusCode()).isEqualTo(HttpStatus.PARTIAL_CONTENT);
		byte[] whole = new byte[size];
		System.arraycopy(head.getBody(), 0, whole, 0, 1000);
		System.arraycopy(tail.getBody(), 0, whole, 1000, size - 1000);
		assertThat(Sha256.hex(whole)).isEqualTo(file.get("sha256").asText()).isEqualTo(tac.get("file").get("sha256").asText());
		assertThat(head.getHeaders().getETag()).isEqualTo("\"" + file.get("sha256").asText() + "\"");
		assertThat(site(token, url, new HttpHeaders()).getBody()).isEqualTo(whole);
	}

	private ResponseEntity<byte[]> site(String token, String url, HttpHeaders headers) {
		awaitEventsHandled();
		headers.setBearerAuth(token);
		return rest.exchange(url, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
	}

	/** The files under a folder, that is there, not counting the work and upload directories' lock files. */
	private static List<Path> files(Path dir) throws Exception {
		if (!Files.exists(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

}
