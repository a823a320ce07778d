package org.waveplan;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;
import org.waveplan.shared.StorageProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The files of deploy/: the load balancers' configurations are ones HAProxy ({@code haproxy -c}) and nginx
 * ({@code nginx -t}) accept, with a throwaway certificate in place of the production one (a developer's machine
 * without them skips these; CI, which {@code .ci/run} gives them, fails instead); the environment file's names reach
 * the settings they mean; the bucket's policy lets the service delete nothing.
 */
class DeployFilesTest {

	private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

	private static final Path NGINX = Path.of("/usr/sbin/nginx");

	private static final Pattern SETTING = Pattern.compile("#?([A-Z][A-Z0-9_]*)=(.*)");

	@TempDir
	Path temp;

	@Test
	void theLoadBalancerConfigurationIsValidAndChecksEachNodesReadiness() throws Exception {
		String config = Files.readString(Path.of("deploy/haproxy/waveplan.cfg"));
		assertThat(config).contains("option httpchk GET /actuator/health/readiness", "http-check expect status 200",
				"cookie WAVEPLAN_NODE insert");
		required(HAPROXY, "haproxy");

		Path pem = temp.resolve("waveplan.pem");
		certificate();
		Files.writeString(pem, Files.readString(temp.resolve("cert.pem")) + Files.readString(temp.resolve("key.pem")));
		Path checked = temp.resolve("waveplan.cfg");
		Files.writeString(checked, config.replace("/etc/haproxy/tls/waveplan.pem", pem.toString()));

		Process check = run(temp, HAPROXY.toString(), "-c", "-f", checked.toString());
		assertThat(check.exitValue()).as(new String(check.getInputStream().readAllBytes())).isZero();
	}

	@Test
	void theNginxConfigurationIsValidAndPassesFilesThroughUntouched() throws Exception {
		String config = Files.readString(Path.of("deploy/nginx/waveplan.conf"));
		assertThat(config).contains("proxy_next_upstream error timeout http_502 http_503 http_504", "ip_hash",
				"proxy_set_header X-Forwarded-Proto https", "proxy_buffering off", "proxy_request_buffering off",
				"gzip off");
		required(NGINX, "nginx");

		certificate();
		Path site = temp.resolve("waveplan.conf");
		Files.writeString(site, config.replace("/etc/nginx/tls/waveplan.crt", temp.resolve("cert.pem").toString())
			.replace("/etc/nginx/tls/waveplan.key", temp.resolve("key.pem").toString()));
		// as nginx.conf includes it, with everything nginx writes in the test's folder
		Path main = temp.resolve("nginx.conf");
		Files.writeString(main, """
				pid %1$s/nginx.pid;
				events {}
				http {
				    access_log off;
				    client_body_temp_path %1$s/body;
				    proxy_temp_path %1$s/proxy;
				    include %2$s;
				}
				""".formatted(temp, site));

		Process check = run(temp, NGINX.toString(), "-t", "-p", temp.toString(), "-e", "stderr", "-c", main.toString());
		assertThat(check.exitValue()).as(new String(check.getInputStream().readAllBytes())).isZero();
	}

	/**
	 * An instance passes over a misspelt name without a word: each name of the file, the commented examples too, is
	 * read as an instance reads its environment, and must reach the setting it means.
	 */
	@Test
	void theEnvironmentFileNamesTheSettingsItMeans() throws IOException {
		Map<String, Object> variables = new LinkedHashMap<>();
		for (String line : Files.readAllLines(Path.of("deploy/waveplan.env"))) {
			Matcher setting = SETTING.matcher(line);
			if (setting.matches()) {
				assertThat(variables.put(setting.group(1), setting.group(2))).as(setting.group(1) + " twice").isNull();
			}
		}
		// in place of this machine's environment, under its name: Spring Boot maps such names its own way
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		Binder binder = Binder.get(environment);

		StorageProperties storage = binder.bind("waveplan.storage", StorageProperties.class).get();
		assertThat(storage.type()).isEqualTo(StorageProperties.Type.S3);
		assertThat(storage.bucket()).isEqualTo("waveplan");
		assertThat(storage.prefix()).isEqualTo("waveplan/");
		assertThat(storage.endpoint()).isEqualTo(URI.create("https://s3.internal:9000"));
		assertThat(storage.pathStyle()).isTrue();
		assertThat(storage.cacheSize()).isEqualTo(DataSize.ofGigabytes(10));
		assertThat(binder.bind("waveplan.delivery.key-encryption-key-file", Path.class).get())
			.isEqualTo(Path.of("/etc/waveplan/key-encryption-key"));
		assertThat(binder.bind("waveplan.data-dir", Path.class).get()).isEqualTo(Path.of("/var/lib/waveplan"));
		assertThat(binder.bind("spring.datasource.url", String.class).get()).startsWith("jdbc:postgresql://");
		assertThat(binder.bind("spring.datasource.password", String.class).isBound()).isTrue();
		assertThat(binder.bind("waveplan.audio.max-processes", Integer.class).get()).isPositive();
		assertThat(binder.bind("server.forward-headers-strategy", String.class).get()).isEqualTo("native");
		// the SDK's own names, read by its default chain
		assertThat(variables).containsKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
	}

	/**
	 * The service reads, writes and aborts its uploads, and never deletes an object: nor may it. The lifecycle keeps a
	 * deleted object longer than the dumps that may name it are kept (deploy/README.md, Backup).
	 */
	@Test
	void theBucketsPolicyLetsTheServiceDeleteNothingAndDeletedObjectsOutliveTheDumps() throws IOException {
		ObjectMapper json = new ObjectMapper();
		JsonNode policy = json.readTree(Path.of("deploy/s3/iam-policy.json").toFile());
		List<String> actions = new ArrayList<>();
		for (JsonNode action : policy.get("Statement").findValues("Action")) {
			if (action.isArray()) {
				action.forEach(one -> actions.add(one.asText()));
			}
			else {
				actions.add(action.asText());
			}
		}
		assertThat(actions).containsExactlyInAnyOrder("s3:ListBucket", "s3:GetObject", "s3:PutObject",
				"s3:AbortMultipartUpload");

		JsonNode rule = json.readTree(Path.of("deploy/s3/lifecycle.json").toFile()).get("Rules").get(0);
		int keptDays = rule.get("NoncurrentVersionExpiration").get("NoncurrentDays").asInt();
		Matcher dumpsKept = Pattern.compile("-mtime \\+(\\d+) -delete")
			.matcher(Files.readString(Path.of("deploy/backup/waveplan-backup")));
		assertThat(dumpsKept.find()).as("the backup script deletes old dumps").isTrue();
		assertThat(keptDays).isGreaterThan(Integer.parseInt(dumpsKept.group(1)));
	}

	/** The program, or in CI (which installs it) a failure, elsewhere the test skipped. */
	private static void required(Path program, String debianPackage) {
		String absent = program + " is needed (apt-get install " + debianPackage + ")";
		if (System.getenv("CI") != null) {
			assertThat(program).as(absent).isExecutable();
		}
		assumeTrue(Files.isExecutable(program), absent + ": skipped");
	}

	/** A throwaway certificate and key: cert.pem, key.pem. */
	private void certificate() throws IOException, InterruptedException {
		Process made = run(temp, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
				"/CN=waveplan.test", "-keyout", temp.resolve("key.pem").toString(), "-out",
				temp.resolve("cert.pem").toString());
		assertThat(made.exitValue()).as("a throwaway certificate").isZero();
	}

	private static Process run(Path dir, String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
		return process;
	}

}
