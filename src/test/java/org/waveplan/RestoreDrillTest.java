package org.waveplan;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.S3Object;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.waveplan.agent.SiteAgent;
import org.waveplan.delivery.ManifestFormat;
import org.waveplan.delivery.ManifestFormat.Manifest;
import org.waveplan.shared.S3Server;
import org.waveplan.shared.Sha256;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.waveplan.Fixtures.slot;
import static org.waveplan.Fixtures.with;

/**
 * The restore drill of deploy/README.md, as an operator runs it, with deploy/backup's scripts and the real
 * {@code pg_dump}, {@code pg_restore} and {@code psql}: an instance on PostgreSQL and a versioned bucket renders for
 * two sites, whose agents fetch and confirm their files; the database is dumped ({@code waveplan-backup}); a change
 * made after the dump reaches an agent; then all is lost: the database dropped, every object deleted, the data
 * directory gone. Restored ({@code waveplan-restore} into a new database, the bucket's delete markers removed) and
 * started afresh with the same key-encryption key, the service gives the same agents, with their tokens and pinned
 * key, the manifests of the dump, signed by that key, with versions they take (which {@code after-restore.sql}
 * sees to), and the same files byte for byte through the site API. A developer's machine without the PostgreSQL
 * client skips this; CI, which {@code .ci/run} gives it, fails instead.
 */
class RestoreDrillTest {

	private static final List<Path> CLIENT = List.of(Path.of("/usr/bin/pg_dump"), Path.of("/usr/bin/pg_restore"),
			Path.of("/usr/bin/psql"));

	private static final String DATABASE = "restore_drill";

	private static final Pattern KEY_ID = Pattern.compile("keyid=\"([0-9a-f]+)\"");

	private static final List<String> SITES = List.of("TAC", "KRJ");

	/** What a site's agent is shown: the manifest whose signature verified with the pinned key, and by which key. */
	private record Seen(String keyId, Manifest manifest) {
	}

	@Test
	void backedUpDestroyedAndRestoredTheSitesGetTheSameSignedManifestsAndTheSameFiles() throws Exception {
		String absent = "pg_dump, pg_restore and psql are needed (apt-get install postgresql-client)";
		if (System.getenv("CI") != null) {
			assertThat(CLIENT).as(absent).allMatch(Files::isExecutable);
		}
		assumeTrue(CLIENT.stream().allMatch(Files::isExecutable), absent + ": skipped");

		Path dir = TestDirs.path("restore-drill");
		FileSystemUtils.deleteRecursively(dir);
		// the instance's machine, lost in the drill
		Path data = dir.resolve("data");
		// what is kept apart: the dump, the key-encryption key (elsewhere again in production), and the sites
		Path backups = Files.createDirectories(dir.resolve("backups"));
		Path kek = Files.writeString(Files.createDirectories(dir.resolve("secrets")).resolve("key-encryption-key"),
				EmbeddedPostgres.KEY_ENCRYPTION_KEY + "\n");
		Path sites = Files.createDirectories(dir.resolve("sites"));

		Map<String, String> database = new TreeMap<>();
		EmbeddedPostgres.register((name, value) -> database.put(name, String.valueOf(value.get())), "restore-drill",
				DATABASE);
		URI server = URI.create(database.get("spring.datasource.url").substring("jdbc:".length()));
		String bucket = S3Server.bucket();
		try (S3Client s3 = S3Server.client()) {
			s3.putBucketVersioning(r -> r.bucket(bucket)
				.versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
		}
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--waveplan.data-dir=" + data,
				"--waveplan.delivery.key-encryption-key-file=" + kek,
				"--spring.quartz.scheduler-name=restore-drill"));
		database.forEach((name, value) -> {
			if (name.startsWith("spring.datasource.")) {
				args.add("--" + name + "=" + value);
			}
		});
		S3Server.settings(bucket).forEach((name, value) -> args.add("--" + name + "=" + value));

		String password;
		String publicKey;
		Map<String, Seen> atTheDump = new TreeMap<>();
		Map<String, byte[]> files = new TreeMap<>();
		Map<String, String> objects;
		Path dump;
		try (ConfigurableApplicationContext before = SpringApplication.run(WaveplanApplication.class,
				args.toArray(String[]::new))) {
			password = Files.readString(data.resolve("initial-admin-password")).trim();
			TestRestTemplate admin = client(before).withBasicAuth("admin", password);
			twoSitesAirAnEpisodeTomorrow(admin, dir);
			await().atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> admin.getForObject("/api/renders?state=done", JsonNode.class).size() == SITES.size());
			publicKey = admin.getForObject("/api/delivery/signing-key", JsonNode.class)
				.get("current")
				.get("publicKey")
				.asText();
			for (String site : SITES) {
				Path at = Files.createDirectories(sites.resolve(site));
				Files.writeString(at.resolve("token"), admin
					.postForObject("/api/sites/" + site + "/tokens", Map.of("label", "agent"), JsonNode.class)
					.get("token")
					.asText());
				Files.writeString(at.resolve("signing-key.pub"), publicKey + "\n");
				assertThat(agentRound(before, at, site)).as("the agent of " + site).isZero();
				atTheDump.put(site, manifest(before, at, site));
				assertThat(atTheDump.get(site).manifest().airings()).hasSize(1).allMatch(airing -> airing.file() != null);
				files.putAll(fetched(at));
			}
			assertThat(files).hasSize(SITES.size());
			objects = objects(bucket);
			assertThat(objects.keySet()).anyMatch(key -> key.startsWith("waveplan/originals/"))
				.anyMatch(key -> key.startsWith("waveplan/renders/"))
				.anyMatch(key -> key.startsWith("waveplan/idents/"));

			// the nightly dump, while the service runs
			dump = Path.of(script(server, backups, "deploy/backup/waveplan-backup").strip());
			assertThat(dump.getParent()).isEqualTo(backups);

			// after the dump, TAC gets another airing, and its agent a manifest of a version the dump never saw
			new Fixtures(admin).program("news", 1);
			new Fixtures(admin).bindSlot(with(slot("TAC", "TX1", 9550, "21:00", "21:01"), "validFrom", tomorrow(),
					"validTo", tomorrow()), "news");
			await().atMost(Duration.ofSeconds(30))
				.until(() -> manifest(before, sites.resolve("TAC"), "TAC").manifest().airings().size() == 2);
			assertThat(agentRound(before, sites.resolve("TAC"), "TAC")).isZero();
		}
		long tacTook = agentsVersion(sites.resolve("TAC"));
		assertThat(tacTook).isGreaterThan(atTheDump.get("TAC").manifest().version());

		// everything lost: the database, every object (as `aws s3 rm --recursive` would), the data directory
		sql(server, "drop database " + DATABASE + " with (force)");
		try (S3Client s3 = S3Server.client()) {
			for (String key : objects.keySet()) {
				s3.deleteObject(r -> r.bucket(bucket).key(key));
			}
		}
		assertThat(objects(bucket)).isEmpty();
		FileSystemUtils.deleteRecursively(data);
		for (String site : SITES) {
			try (Stream<Path> kept = Files.list(sites.resolve(site))) {
				for (Path file : kept.filter(f -> files.containsKey(f.getFileName().toString())).toList()) {
					Files.delete(file);
				}
			}
		}

		// restored as deploy/README.md says
		sql(server, "create database " + DATABASE);
		script(server, backups, "deploy/backup/waveplan-restore", dump.toString());
		undelete(bucket);
		assertThat(objects(bucket)).isEqualTo(objects);

		try (ConfigurableApplicationContext after = SpringApplication.run(WaveplanApplication.class,
				args.toArray(String[]::new))) {
			TestRestTemplate admin = client(after).withBasicAuth("admin", password);
			assertThat(admin.getForObject("/api/delivery/signing-key", JsonNode.class).get("current").get("publicKey")
				.asText()).isEqualTo(publicKey);
			for (String site : SITES) {
				Path at = sites.resolve(site);
				Seen seen = manifest(after, at, site);
				Seen was = atTheDump.get(site);
				assertThat(seen.keyId()).isEqualTo(was.keyId());
				assertThat(seen.manifest().airings()).isEqualTo(was.manifest().airings());
				// the same agents, with the same token and pinned key, take it and fetch their files again
				assertThat(seen.manifest().version()).isGreaterThan(agentsVersion(at));
				assertThat(agentRound(after, at, site)).as("the agent of " + site + " after the restore").isZero();
			}
			Map<String, byte[]> again = new TreeMap<>();
			for (String site : SITES) {
				again.putAll(fetched(sites.resolve(site)));
			}
			assertThat(again).containsOnlyKeys(files.keySet());
			files.forEach((name, bytes) -> assertThat(again.get(name)).as(name).isEqualTo(bytes));
			assertThat(admin.getForObject("/api/renders?state=done", JsonNode.class)).hasSize(SITES.size());
			// the receipts sent before the dump
			assertThat(admin.getForObject("/api/deliveries?state=CONFIRMED", JsonNode.class)).hasSize(SITES.size());
		}
	}

	/** TAC (MP3 with an ident) and KRJ (FLAC) air a one-minute episode tomorrow, both due to render at once. */
	private static void twoSitesAirAnEpisodeTomorrow(TestRestTemplate admin, Path dir) throws IOException {
		Fixtures fixtures = new Fixtures(admin);
		for (String site : SITES) {
			fixtures.site(site, 3, "TX1");
		}
		fixtures.deliveryProfile("TAC", Map.of("codec", "MP3", "bitrateKbps", 48, "sampleRate", 22050, "channels", 1,
				"preset", "am-sw", "leadTime", "P7D"));
		fixtures.deliveryProfile("KRJ", Map.of("codec", "FLAC", "sampleRate", 44100, "channels", 2, "preset", "none",
				"leadTime", "P7D"));
		LinkedMultiValueMap<String, Object> ident = new LinkedMultiValueMap<>();
		ident.add("file", new FileSystemResource(Fixtures.tone(dir.resolve("ident.wav"), 3)));
		ResponseEntity<JsonNode> set = admin.exchange("/api/sites/TAC/ident", HttpMethod.PUT, new HttpEntity<>(ident),
				JsonNode.class);
		assertThat(set.getStatusCode()).as(String.valueOf(set.getBody())).isEqualTo(HttpStatus.OK);
		fixtures.program("korea-today", 1);
		fixtures.queue("korea-today",
				fixtures.episode("korea-today", Fixtures.tone(dir.resolve("episode.wav"), 60), "Monday"));
		fixtures.bindSlot(with(slot("TAC", "TX1", 7345, "20:00", "20:01"), "validFrom", tomorrow(), "validTo",
				tomorrow()), "korea-today");
		fixtures.bindSlot(with(slot("KRJ", "TX1", 11700, "20:00", "20:01"), "validFrom", tomorrow(), "validTo",
				tomorrow()), "korea-today");
	}

	private static String tomorrow() {
		return LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
	}

	/** One round of the site agent, as the site runs it, in the site's folder. */
	private static int agentRound(ConfigurableApplicationContext app, Path site, String code) throws Exception {
		return SiteAgent.run(List.of("--server", root(app), "--site", code, "--token-file",
				site.resolve("token").toString(), "--signing-key", site.resolve("signing-key.pub").toString(), "--dir",
				site.toString(), "--once"));
	}

	/** The last manifest version the site's agent took. */
	private static long agentsVersion(Path site) throws IOException {
		return new ObjectMapper().readTree(site.resolve(".agent/state.json").toFile()).get("version").asLong();
	}

	/** The site's manifest as its agent checks it: the signature over the exact bytes, by the pinned key. */
	private static Seen manifest(ConfigurableApplicationContext app, Path site, String code) throws Exception {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(Files.readString(site.resolve("token")).trim());
		ResponseEntity<byte[]> response = client(app).exchange("/api/sites/" + code + "/manifest", HttpMethod.GET,
				new HttpEntity<>(headers), byte[].class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		String signature = response.getHeaders().getFirst(ManifestFormat.SIGNATURE_HEADER);
		PublicKey pinned = ManifestFormat.publicKey(Files.readString(site.resolve("signing-key.pub")).trim());
		assertThat(ManifestFormat.verifies(response.getBody(), signature, pinned)).as("signed by the pinned key")
			.isTrue();
		Matcher keyId = KEY_ID.matcher(signature);
		assertThat(keyId.find()).isTrue();
		return new Seen(keyId.group(1), ManifestFormat.read(response.getBody()));
	}

	/** The files the agent keeps under their names in the site's folder: only those whose size and SHA-256 it checked. */
	private static Map<String, byte[]> fetched(Path site) throws IOException {
		Map<String, byte[]> files = new TreeMap<>();
		try (Stream<Path> all = Files.list(site)) {
			for (Path file : all.filter(Files::isRegularFile)
				.filter(f -> f.getFileName().toString().matches("[0-9a-f]{64}\\.[a-z0-9]+"))
				.toList()) {
				files.put(file.getFileName().toString(), Files.readAllBytes(file));
			}
		}
		return files;
	}

	/** Every object in the bucket, by key, with its SHA-256. */
	private static Map<String, String> objects(String bucket) throws IOException {
		Map<String, String> objects = new TreeMap<>();
		try (S3Client s3 = S3Server.client()) {
			for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()) {
				try (InputStream in = s3.getObject(r -> r.bucket(bucket).key(object.key()))) {
					objects.put(object.key(), Sha256.hex(in.readAllBytes()));
				}
			}
		}
		return objects;
	}

	/** What deploy/README.md does with the AWS CLI: each key's delete marker removed, its last version shows again. */
	private static void undelete(String bucket) {
		try (S3Client s3 = S3Server.client()) {
			for (DeleteMarkerEntry marker : s3.listObjectVersionsPaginator(r -> r.bucket(bucket)).deleteMarkers()) {
				if (marker.isLatest()) {
					s3.deleteObject(r -> r.bucket(bucket).key(marker.key()).versionId(marker.versionId()));
				}
			}
		}
	}

	/** A script of deploy/backup, as the service's database user runs it, with what it prints. */
	private static String script(URI server, Path backups, String... command) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment()
			.putAll(Map.of("PGHOST", server.getHost(), "PGPORT", String.valueOf(server.getPort()), "PGUSER", "postgres",
					"PGPASSWORD", "postgres", "PGDATABASE", DATABASE, "BACKUP_DIR", backups.toString()));
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
		return output;
	}

	private static void sql(URI server, String statement) throws Exception {
		try (Connection connection = DriverManager.getConnection(
				"jdbc:postgresql://" + server.getHost() + ":" + server.getPort() + "/postgres", "postgres", "postgres");
				Statement sql = connection.createStatement()) {
			sql.execute(statement);
		}
	}

	private static String root(ConfigurableApplicationContext app) {
		return "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	private static TestRestTemplate client(ConfigurableApplicationContext app) {
		return new TestRestTemplate(new RestTemplateBuilder().rootUri(root(app)));
	}

}
