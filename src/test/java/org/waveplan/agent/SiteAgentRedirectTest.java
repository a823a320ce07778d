package org.waveplan.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.waveplan.security.Role;
import org.waveplan.shared.S3Server;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The site agent against an instance on S3 (s3proxy) with {@code site-files=redirect}: the instance answers a file
 * request with a 307 to a pre-signed URL, and the agent takes the bytes from the store. The store is reached
 * through a relay that keeps what every client sent it, so the test sees what reached the store and what did not.
 */
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:waveplan-redirect;DB_CLOSE_DELAY=-1",
		"waveplan.data-dir=${waveplan.test.dir:target}/test-data-redirect",
		"spring.quartz.scheduler-name=waveplan-redirect-test", "waveplan.delivery.site-files=redirect",
		"waveplan.delivery.presigned-url-lifetime=PT2M" })
class SiteAgentRedirectTest extends AgentTestSupport {

	private static final String BUCKET = S3Server.bucket();

	private static final RecordingRelay STORE = relay();

	private static final String FILES = "/api/sites/{code}/files/{name}";

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@DynamicPropertySource
	static void s3(DynamicPropertyRegistry registry) {
		S3Server.settings(BUCKET).forEach((name, value) -> registry.add(name, () -> value));
		registry.add("waveplan.storage.endpoint", () -> STORE.url().toString());
	}

	@Test
	void pullsFromTheStoreWhereItIsSentWithoutItsTokenAndStillChecksEveryByte() throws Exception {
		Setup setup = renderedForTac();
		String token = Files.readString(setup.tokenFile());
		String file = "/api/sites/TAC/files/" + setup.name();
		String object = "/" + BUCKET + "/waveplan/renders/" + setup.name().substring(0, 2) + "/" + setup.name();

		// the 307 names the object in the store, for no longer than the setting, with what the file is checked by
		HttpResponse<Void> redirect = send(file, "GET", token);
		assertThat(redirect.statusCode()).isEqualTo(307);
		URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
		assertThat(location.toString()).startsWith(STORE.url() + object + "?");
		assertThat(query(location, "X-Amz-Expires")).isEqualTo("120");
		Instant signed = LocalDateTime
			.parse(query(location, "X-Amz-Date"), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
			.toInstant(ZoneOffset.UTC);
		assertThat(signed).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
		assertThat(redirect.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(redirect.headers().firstValue("ETag")).hasValue("\"" + setup.sha256() + "\"");
		assertThat(redirect.headers().firstValue("Repr-Digest")).hasValue("sha-256=:"
				+ Base64.getEncoder().encodeToString(HexFormat.of().parseHex(setup.sha256())) + ":");
		// HEAD as well, to a URL that HEADs
		HttpResponse<Void> head = send(file, "HEAD", token);
		assertThat(head.statusCode()).isEqualTo(307);
		URI headLocation = URI.create(head.headers().firstValue("Location").orElseThrow());
		HttpResponse<Void> stored = http.send(
				HttpRequest.newBuilder(headLocation).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.discarding());
		assertThat(stored.statusCode()).isEqualTo(200);
		assertThat(stored.headers().firstValueAsLong("Content-Length")).hasValue(setup.size());

		// another site's token is refused as before, and sent nowhere
		String krj = post(as(Role.ADMIN), "/api/sites/KRJ/tokens", Map.of("label", "agent")).getBody()
			.get("token")
			.asText();
		HttpResponse<Void> refused = send(file, "GET", krj);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Location")).isEmpty();
		HttpResponse<Void> notListed = send("/api/sites/TAC/files/" + "b".repeat(64) + ".mp3", "GET", token);
		assertThat(notListed.statusCode()).isEqualTo(404);
		assertThat(notListed.headers().firstValue("Location")).isEmpty();

		// the store out of reach: the download is told to come back soon, not that its file is missing
		STORE.down(true);
		try {
			HttpResponse<Void> unreachable = send(file, "GET", token);
			assertThat(unreachable.statusCode()).isEqualTo(503);
			assertThat(unreachable.headers().firstValue("Retry-After")).hasValue("30");
			assertThat(unreachable.headers().firstValue("Location")).isEmpty();
		}
		finally {
			STORE.down(false);
		}

		// the agent's pull: the bytes from the store, checked, confirmed
		Path dir = Files.createDirectories(temp.resolve("site"));
		Path target = dir.resolve(setup.name());
		double redirected = served(FILES, "307");
		SiteAgent agent = agent(setup, rest.getRootUri(), "TAC", dir);
		agent.round();
		assertThat(sha256(target)).isEqualTo(setup.sha256());
		assertThat(agent.bytesDownloaded()).isEqualTo(setup.size());
		await().untilAsserted(() -> assertThat(served(FILES, "307")).isEqualTo(redirected + 1));
		assertThat(get(engineer(), "/api/deliveries?site=TAC").getBody().get(0).get("state").asText())
			.isEqualTo("CONFIRMED");
		assertThat(STORE.sent()).contains("GET " + object + "?");

		// a cut download resumes from the store with a Range
		byte[] bytes = Files.readAllBytes(target);
		Files.delete(target);
		int half = bytes.length / 2;
		Files.write(dir.resolve(".agent/partial/" + setup.name() + ".part"), Arrays.copyOf(bytes, half));
		SiteAgent resuming = agent(setup, rest.getRootUri(), "TAC", dir);
		resuming.round();
		assertThat(resuming.bytesDownloaded()).isEqualTo(bytes.length - half);
		assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
		assertThat(STORE.sent().toLowerCase()).contains("range: bytes=" + half + "-");

		// a URL that has expired on the way: the store refuses it, and the agent asks the service for a fresh one
		URI expired = expiredUrl(object);
		assertThat(http.send(HttpRequest.newBuilder(expired).build(), HttpResponse.BodyHandlers.ofString()))
			.satisfies(response -> assertThat(response.statusCode()).isEqualTo(403))
			.satisfies(response -> assertThat(response.body()).contains("expired"));
		Files.delete(target);
		try (MeddlingProxy proxy = new MeddlingProxy(rest.getRootUri())) {
			String[] first = { expired.toString() };
			proxy.locations = given -> {
				String swapped = first[0] != null ? first[0] : given;
				first[0] = null;
				return swapped;
			};
			double before = served(FILES, "307");
			agent(setup, proxy.url(), "TAC", dir).round();
			assertThat(sha256(target)).isEqualTo(setup.sha256());
			await().untilAsserted(() -> assertThat(served(FILES, "307")).isEqualTo(before + 2));

			// sent where no HTTP client can go, or to another scheme: the round fails as a fetch does, the agent lives
			Files.delete(target);
			for (String nowhere : List.of("http://exa mple/x", "http:///nohost", "file:///etc/passwd")) {
				proxy.locations = given -> nowhere;
				assertThatThrownBy(() -> agent(setup, proxy.url(), "TAC", dir).round()).as(nowhere)
					.isInstanceOf(IOException.class)
					.hasMessageContaining(setup.name());
				assertThat(target).doesNotExist();
			}
		}

		// an object changed in the bucket is not kept
		byte[] tampered = bytes.clone();
		tampered[tampered.length / 3] ^= 1;
		try (S3Client s3 = S3Server.client()) {
			s3.putObject(r -> r.bucket(BUCKET).key(object.substring(BUCKET.length() + 2)), RequestBody.fromBytes(tampered));
		}
		Files.deleteIfExists(target);
		assertThatThrownBy(() -> agent(setup, rest.getRootUri(), "TAC", dir).round())
			.isInstanceOf(SiteAgent.Rejected.class)
			.hasMessageContaining("tampered");
		assertThat(target).doesNotExist();

		// whatever went to the store, the site's token was not in it
		assertThat(STORE.sent()).doesNotContain(token.trim()).doesNotContainIgnoringCase("Bearer");
	}

	private HttpResponse<Void> send(String path, String method, String token) throws Exception {
		awaitEventsHandled();
		return http.send(HttpRequest.newBuilder(URI.create(rest.getRootUri() + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.header("Authorization", "Bearer " + token.trim())
			.build(), HttpResponse.BodyHandlers.discarding());
	}

	private static String query(URI url, String name) {
		Matcher m = Pattern.compile("[?&]" + name + "=([^&]*)").matcher("?" + url.getRawQuery());
		assertThat(m.find()).as(name + " in " + url).isTrue();
		return m.group(1);
	}

	/** A URL of the object, signed as the service signs, that lived a second and is over. */
	private static URI expiredUrl(String object) throws Exception {
		try (S3Presigner presigner = S3Presigner.builder()
			.region(Region.US_EAST_1)
			.credentialsProvider(DefaultCredentialsProvider.builder().build())
			.endpointOverride(STORE.url())
			.serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
			.build()) {
			PresignedGetObjectRequest signed = presigner.presignGetObject(r -> r.signatureDuration(Duration.ofSeconds(1))
				.getObjectRequest(get -> get.bucket(BUCKET).key(object.substring(BUCKET.length() + 2))));
			await().until(() -> Instant.now().isAfter(signed.expiration().plusSeconds(1)));
			return signed.url().toURI();
		}
	}

	private static RecordingRelay relay() {
		try {
			return new RecordingRelay(S3Server.endpoint());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
