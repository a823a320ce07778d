package org.waveplan.delivery;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.waveplan.EmbeddedPostgres;
import org.waveplan.Fixtures;
import org.waveplan.WaveplanApplication;
import org.waveplan.agent.SiteAgent;
import org.waveplan.shared.WaveplanProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The manifest signing keys in the database: one key for every instance on it (a rotation on one followed by the
 * others while they run: ClusterTest), the private halves encrypted under a key-encryption key the database never
 * holds, the keys an older version kept on disk imported (the agents pinned to them go on verifying).
 */
class SharedSigningKeysTest {

	private static final String OTHER_KEY = Base64.getEncoder().encodeToString(new byte[32]);

	// Java's PKCS#8 encoding of an Ed25519 private key starts so: a stored plain key would show it
	private static final String PKCS8_ED25519 = "302e020100300506032b657004220420";

	@TempDir
	Path temp;

	@Test
	void theKeysAreSealedInTheDatabaseAndEveryInstanceOnItSignsWithTheCurrentOne() throws Exception {
		// another instance following a rotation while it runs: ClusterTest, with separate JVMs
		Map<String, Object> db = postgres("signing-keys");
		JsonNode rotated;
		try (ConfigurableApplicationContext a = start(db, temp.resolve("a"), "keys-a", EmbeddedPostgres.KEY_ENCRYPTION_KEY)) {
			TestRestTemplate onA = admin(a, temp.resolve("a"));
			new Fixtures(onA).site("KEY", 1, "TX1");
			JsonNode first = onA.getForObject("/api/delivery/signing-key", JsonNode.class).get("current");
			assertSignedBy(manifest(onA), first);

			rotated = onA.postForObject("/api/delivery/signing-key/rotate", null, JsonNode.class);
			assertThat(rotated.get("keyId").asText()).isNotEqualTo(first.get("keyId").asText());
			assertSignedBy(manifest(onA), rotated);
			assertThat(onA.getForObject("/api/delivery/signing-key", JsonNode.class).get("all")).hasSize(2);

			// the private key in the table is sealed: only the key-encryption key opens it
			Map<String, Object> row = new JdbcTemplate(a.getBean(DataSource.class))
				.queryForMap("select * from signing_key where key_id = ?", rotated.get("keyId").asText());
			String sealed = (String) row.get("private_key");
			assertThat(HexFormat.of().formatHex(Base64.getDecoder().decode(sealed))).doesNotContain(PKCS8_ED25519);
			assertThat(sealed).doesNotContain(EmbeddedPostgres.KEY_ENCRYPTION_KEY);
			assertOpensAndSigns(kek(EmbeddedPostgres.KEY_ENCRYPTION_KEY), rotated, sealed);
			assertThatThrownBy(() -> kek(OTHER_KEY).decrypt(rotated.get("keyId").asText(), sealed))
				.hasMessageContaining("does not decrypt the manifest signing key");
			// nor does it open as another key's
			assertThatThrownBy(() -> kek(EmbeddedPostgres.KEY_ENCRYPTION_KEY).decrypt(first.get("keyId").asText(),
					sealed))
				.hasMessageContaining("does not decrypt");
		}

		// another instance on the database (here, the same one started again) signs with the current key
		try (ConfigurableApplicationContext a = start(db, temp.resolve("b"), "keys-a",
				EmbeddedPostgres.KEY_ENCRYPTION_KEY)) {
			TestRestTemplate onA = admin(a, temp.resolve("a"));
			assertThat(onA.getForObject("/api/delivery/signing-key", JsonNode.class).get("current")).isEqualTo(rotated);
			assertSignedBy(manifest(onA), rotated);

			// two rotations at the same moment (on two instances) make one key, and both answer it
			SigningKeys keys = a.getBean(SigningKeys.class);
			JdbcTemplate jdbc = new JdbcTemplate(a.getBean(DataSource.class));
			int generation = jdbc.queryForObject("select max(generation) from signing_key", Integer.class);
			SigningKeys.PublicKeyView one = keys.rotateAfter(generation);
			assertThat(keys.rotateAfter(generation)).isEqualTo(one);
			assertThat(jdbc.queryForObject("select count(*) from signing_key", Integer.class)).isEqualTo(generation + 1);
			// a row whose public key was changed is refused: sites pinned to it would refuse every manifest
			jdbc.update("update signing_key set public_key = ? where key_id = ?", rotated.get("publicKey").asText(),
					one.keyId());
		}
		assertThat(catchThrowable(() -> start(db, temp.resolve("a"), "keys-a", EmbeddedPostgres.KEY_ENCRYPTION_KEY).close()))
			.rootCause()
			.hasMessageContaining("does not match its public key");
		new JdbcTemplate(EmbeddedPostgres.dataSource("signing-keys"))
			.update("delete from signing_key where generation = (select max(generation) from signing_key)");

		// another key-encryption key cannot start: it would sign with nothing it can open; the start's failure says
		// so without the stack
		Throwable refused = catchThrowable(() -> start(db, temp.resolve("c"), "keys-c", OTHER_KEY).close());
		assertThat(refused).rootCause()
			.hasMessageContaining("does not decrypt the manifest signing key " + rotated.get("keyId").asText())
			.hasMessageContaining(KeyEncryptionKey.SETTING);
		FailureAnalysis analysis = SpringFactoriesLoader.forDefaultResourceLocation()
			// those that need the failed context's beans are skipped
			.load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, e) -> {
			}))
			.stream()
			.map(analyzer -> analyzer.analyze(refused))
			.filter(Objects::nonNull)
			.findFirst()
			.orElseThrow();
		assertThat(analysis.getDescription()).contains("does not decrypt the manifest signing key");
		assertThat(analysis.getAction()).contains(KeyEncryptionKey.FILE_SETTING);
		// nor can an instance given none, on PostgreSQL
		assertThatThrownBy(() -> start(db, temp.resolve("c"), "keys-c", null).close()).rootCause()
			.hasMessageContaining("no key-encryption key");
	}

	@Test
	void instancesStartingAtOnceOnAnEmptyDatabaseMakeOneKey() throws Exception {
		Map<String, Object> db = postgres("signing-keys-race");
		DriverManagerDataSource dataSource = new DriverManagerDataSource((String) db.get("spring.datasource.url"),
				(String) db.get("spring.datasource.username"), (String) db.get("spring.datasource.password"));
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
			.load()
			.migrate();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		DeliveryProperties settings = settings(EmbeddedPostgres.KEY_ENCRYPTION_KEY, temp.resolve("none"));
		for (int round = 0; round < 5; round++) {
			jdbc.update("delete from signing_key");
			CyclicBarrier together = new CyclicBarrier(2);
			List<CompletableFuture<SigningKeys>> starts = new ArrayList<>();
			for (int node = 0; node < 2; node++) {
				starts.add(CompletableFuture.supplyAsync(() -> {
					try {
						together.await();
						return new SigningKeys(settings, new WaveplanProperties(temp, 8),
								new SigningKeyTable(new NamedParameterJdbcTemplate(dataSource)), Clock.systemUTC(),
								new DataSourceTransactionManager(dataSource));
					}
					catch (Exception e) {
						throw new IllegalStateException(e);
					}
				}));
			}
			List<SigningKeys> nodes = starts.stream().map(CompletableFuture::join).toList();
			assertThat(jdbc.queryForObject("select count(*) from signing_key", Integer.class)).isEqualTo(1);
			assertThat(nodes.get(0).current()).isEqualTo(nodes.get(1).current());
		}
	}

	@Test
	void theEmbeddedDefaultImportsTheKeyOnDiskMakesItsOwnEncryptionKeyAndThePinnedAgentVerifies() throws Exception {
		Path data = temp.resolve("data");
		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		String publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
		String keyId = SigningKeys.keyId(pair.getPublic());
		// as the version before kept it
		Files.createDirectories(data.resolve("signing"));
		Files.writeString(data.resolve("signing").resolve("1767225600000-" + keyId + ".ed25519"),
				Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n" + publicKey + "\n");
		Path pinned = Files.writeString(temp.resolve("pinned.pub"), publicKey + "\n");
		Path token;
		try (ConfigurableApplicationContext app = startOnH2(data)) {
			TestRestTemplate admin = admin(app, data);
			assertThat(admin.getForObject("/api/delivery/signing-key", JsonNode.class).get("current").get("keyId")
				.asText()).isEqualTo(keyId);
			new Fixtures(admin).site("KEY", 1, "TX1");
			token = Files.writeString(temp.resolve("token"),
					admin.postForObject("/api/sites/KEY/tokens", Map.of("label", "agent"), JsonNode.class)
						.get("token")
						.asText());
			assertThat(agentRound(app, token, pinned)).isZero();
			Path other = Files.writeString(temp.resolve("other.pub"), Base64.getEncoder()
				.encodeToString(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded()));
			assertThat(agentRound(app, token, other)).isEqualTo(1);
		}
		// the key is in the database, sealed: its file in the clear is gone
		assertThat(data.resolve("signing").resolve("1767225600000-" + keyId + ".ed25519")).doesNotExist();
		// one instance on the embedded database makes its own key-encryption key, for the service's user only
		Path kek = data.resolve(KeyEncryptionKey.DEFAULT_FILE);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kek))).isEqualTo("rw-------");
		assertThat(Base64.getDecoder().decode(Files.readString(kek).trim())).hasSize(32);

		// imported once: a restart signs with the same key, the one the agent pinned
		try (ConfigurableApplicationContext app = startOnH2(data)) {
			JsonNode keys = admin(app, data).getForObject("/api/delivery/signing-key", JsonNode.class);
			assertThat(keys.get("all")).hasSize(1);
			assertThat(keys.get("current").get("keyId").asText()).isEqualTo(keyId);
			assertThat(agentRound(app, token, pinned)).isZero();
		}
	}

	private int agentRound(ConfigurableApplicationContext app, Path token, Path pinned) throws Exception {
		return SiteAgent.run(List.of("--server", root(app), "--site", "KEY", "--token-file", token.toString(),
				"--signing-key", pinned.toString(), "--dir", Files.createDirectories(temp.resolve("site")).toString(),
				"--once"));
	}

	private static void assertSignedBy(ResponseEntity<byte[]> manifest, JsonNode key) throws Exception {
		String header = manifest.getHeaders().getFirst(ManifestFormat.SIGNATURE_HEADER);
		assertThat(header).contains("keyid=\"" + key.get("keyId").asText() + "\"");
		assertThat(ManifestFormat.verifies(manifest.getBody(), header,
				ManifestFormat.publicKey(key.get("publicKey").asText())))
			.isTrue();
	}

	private static void assertOpensAndSigns(KeyEncryptionKey kek, JsonNode key, String sealed) throws Exception {
		byte[] plain = kek.decrypt(key.get("keyId").asText(), sealed);
		Signature signer = Signature.getInstance("Ed25519");
		signer.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(plain)));
		signer.update("waveplan".getBytes(StandardCharsets.US_ASCII));
		byte[] signature = signer.sign();
		PublicKey publicKey = ManifestFormat.publicKey(key.get("publicKey").asText());
		Signature verifier = Signature.getInstance("Ed25519");
		verifier.initVerify(publicKey);
		verifier.update("waveplan".getBytes(StandardCharsets.US_ASCII));
		assertThat(verifier.verify(signature)).isTrue();
	}

	private ResponseEntity<byte[]> manifest(TestRestTemplate client) {
		return client.exchange("/api/sites/KEY/manifest", HttpMethod.GET, HttpEntity.EMPTY, byte[].class);
	}

	private KeyEncryptionKey kek(String base64) throws Exception {
		return KeyEncryptionKey.of(settings(base64, temp.resolve("none")), temp, false);
	}

	private static DeliveryProperties settings(String kek, Path signingDir) {
		return new DeliveryProperties(Duration.ofDays(7), Duration.ofHours(1), Duration.ofDays(1), signingDir,
				Duration.ofSeconds(5), kek, null, DeliveryProperties.SiteFiles.STREAM, Duration.ofMinutes(5), 8);
	}

	/** The settings of a database of its own on the tests' PostgreSQL. */
	private static Map<String, Object> postgres(String database) {
		Map<String, Object> settings = new LinkedHashMap<>();
		EmbeddedPostgres.register((name, value) -> settings.put(name, value.get()), "unused", database);
		// each context gives its own
		settings.keySet().removeIf(name -> !name.startsWith("spring.datasource."));
		return settings;
	}

	private static ConfigurableApplicationContext start(Map<String, Object> db, Path dataDir, String scheduler,
			String kek) {
		List<String> args = new ArrayList<>();
		db.forEach((name, value) -> args.add("--" + name + "=" + value));
		// Quartz wants a scheduler name of its own per context in one JVM
		args.addAll(List.of("--server.port=0", "--waveplan.data-dir=" + dataDir,
				"--spring.quartz.scheduler-name=" + scheduler));
		if (kek != null) {
			args.add("--waveplan.delivery.key-encryption-key=" + kek);
		}
		return SpringApplication.run(WaveplanApplication.class, args.toArray(String[]::new));
	}

	private static ConfigurableApplicationContext startOnH2(Path data) {
		return SpringApplication.run(WaveplanApplication.class, "--server.port=0", "--waveplan.data-dir=" + data,
				"--spring.quartz.scheduler-name=keys-h2", "--spring.datasource.url=jdbc:h2:file:" + data.resolve("waveplan"));
	}

	private static String root(ConfigurableApplicationContext app) {
		return "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	/** The initial admin, whose password the instance that made it wrote in its data folder. */
	private static TestRestTemplate admin(ConfigurableApplicationContext app, Path dataDir) throws Exception {
		String password = Files.readString(dataDir.resolve("initial-admin-password")).trim();
		return new TestRestTemplate(new RestTemplateBuilder().rootUri(root(app))).withBasicAuth("admin", password);
	}

}
