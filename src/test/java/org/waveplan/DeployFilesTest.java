package org.waveplan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The load balancer of deploy/ is a configuration HAProxy accepts ({@code haproxy -c}), with a throwaway certificate
 * in place of the production one. A developer's machine without HAProxy skips this; CI, which {@code .ci/run} gives
 * it, fails instead.
 */
class DeployFilesTest {

	private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

	@TempDir
	Path temp;

	@Test
	void theLoadBalancerConfigurationIsValidAndChecksEachNodesReadiness() throws Exception {
		String config = Files.readString(Path.of("deploy/haproxy/waveplan.cfg"));
		assertThat(config).contains("option httpchk GET /actuator/health/readiness", "http-check expect status 200",
				"cookie WAVEPLAN_NODE insert");
		String absent = HAPROXY + " is needed (apt-get install haproxy)";
		if (System.getenv("CI") != null) {
			assertThat(HAPROXY).as(absent).isExecutable();
		}
		assumeTrue(Files.isExecutable(HAPROXY), absent + ": skipped");

		Path pem = temp.resolve("waveplan.pem");
		Process made = run(temp, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=waveplan.test",
				"-keyout", temp.resolve("key.pem").toString(), "-out", temp.resolve("cert.pem").toString());
		assertThat(made.exitValue()).as("a throwaway certificate").isZero();
		Files.writeString(pem, Files.readString(temp.resolve("cert.pem")) + Files.readString(temp.resolve("key.pem")));
		Path checked = temp.resolve("waveplan.cfg");
		Files.writeString(checked, config.replace("/etc/haproxy/tls/waveplan.pem", pem.toString()));

		Process check = run(temp, HAPROXY.toString(), "-c", "-f", checked.toString());
		assertThat(check.exitValue()).as(new String(check.getInputStream().readAllBytes())).isZero();
	}

	private static Process run(Path dir, String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
		return process;
	}

}
