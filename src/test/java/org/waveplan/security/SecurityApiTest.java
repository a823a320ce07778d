package org.waveplan.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.waveplan.ApiTest;
import org.waveplan.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityApiTest extends ApiTest {

	@Value("${waveplan.data-dir}")
	String dataDir;

	@Test
	void onlyHealthAndApiDocsAreOpen() {
		assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(rest.getForEntity("/v3/api-docs", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		ResponseEntity<JsonNode> sites = get(rest, "/api/sites");
		assertThat(sites.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(sites.getBody().get("type").asText()).isEqualTo("urn:waveplan:problem:unauthorized");
		assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(rest.getForEntity("/api/anything-else", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void rolesDecideWhatAUserMayDo() {
		ResponseEntity<JsonNode> producer = post(as(Role.PRODUCER), "/api/sites", Fixtures.siteRequest("TAC", 1));
		assertThat(producer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(producer.getBody().get("type").asText()).isEqualTo("urn:waveplan:problem:forbidden");
		assertThat(get(as(Role.ENGINEER), "/api/users").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(get(as(Role.ENGINEER), "/actuator/prometheus").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		// an administrator may do what engineers may
		assertThat(post(as(Role.ADMIN), "/api/sites", Fixtures.siteRequest("TAC", 1)).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		assertThat(as(Role.ADMIN).getForEntity("/actuator/prometheus", String.class).getBody())
			.contains("jvm_memory_used_bytes");
		assertThat(rest.withBasicAuth("engineer1", "wrong").getForEntity("/api/sites", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void anAdministratorCreatesUsersWhosePasswordsAreStoredHashed() {
		ResponseEntity<JsonNode> created = post(as(Role.ADMIN), "/api/users",
				Map.of("username", "kim.engineer", "password", "a-long-passphrase", "role", "ENGINEER"));
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String hash = jdbc.queryForObject("select password_hash from app_user where username = 'kim.engineer'",
				String.class);
		assertThat(hash).startsWith("$2").doesNotContain("a-long-passphrase");
		assertThat(rest.withBasicAuth("kim.engineer", "a-long-passphrase").getForEntity("/api/sites", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(post(as(Role.ADMIN), "/api/users", Map.of("username", "kim.engineer", "password", "another-passphrase",
				"role", "ENGINEER")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void aFreshInstallationGetsAnAdminWithARandomPasswordInAPrivateFile() throws Exception {
		Path file = Path.of(dataDir).resolve("initial-admin-password");
		assertThat(file).exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		String password = Files.readString(file).trim();
		assertThat(password).hasSizeGreaterThanOrEqualTo(20);
		assertThat(rest.withBasicAuth("admin", password).getForEntity("/api/users", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(rest.withBasicAuth("admin", "admin").getForEntity("/api/users", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void anAdministratorChangesAnothersRoleOrDisablesThemButNotThemself() {
		jdbc.update("delete from app_user where username = 'lee.changed'");
		assertThat(post(as(Role.ADMIN), "/api/users",
				Map.of("username", "lee.changed", "password", "a-long-passphrase", "role", "PRODUCER")).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		var lee = rest.withBasicAuth("lee.changed", "a-long-passphrase");
		assertThat(post(lee, "/api/sites", Fixtures.siteRequest("LEE", 1)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		ResponseEntity<JsonNode> changed = patch(as(Role.ADMIN), "/api/users/lee.changed", Map.of("role", "ENGINEER"));
		assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(changed.getBody().get("role").asText()).isEqualTo("ENGINEER");
		assertThat(changed.getBody().get("enabled").asBoolean()).isTrue();
		assertThat(post(lee, "/api/sites", Fixtures.siteRequest("LEE", 1)).getStatusCode()).isEqualTo(HttpStatus.CREATED);

		assertThat(patch(as(Role.ADMIN), "/api/users/lee.changed", Map.of("enabled", false)).getBody().get("role").asText())
			.isEqualTo("ENGINEER");
		assertThat(lee.getForEntity("/api/sites", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		patch(as(Role.ADMIN), "/api/users/lee.changed", Map.of("enabled", true));
		assertThat(lee.getForEntity("/api/sites", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

		assertThat(patch(as(Role.ADMIN), "/api/users/lee.changed", Map.of("role", "SITE")).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(patch(as(Role.ADMIN), "/api/users/nobody", Map.of("role", "ENGINEER")).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		ResponseEntity<JsonNode> own = patch(as(Role.ADMIN), "/api/users/admin1", Map.of("enabled", false));
		assertThat(own.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(own.getBody().get("type").asText()).isEqualTo("urn:waveplan:problem:own-account");
		assertThat(patch(as(Role.ENGINEER), "/api/users/lee.changed", Map.of("role", "ADMIN")).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(jdbc.queryForObject("select role from app_user where username = 'lee.changed'", String.class))
			.isEqualTo("ENGINEER");
	}

	private ResponseEntity<JsonNode> patch(org.springframework.boot.test.web.client.TestRestTemplate client, String url,
			Object body) {
		return client.exchange(url, org.springframework.http.HttpMethod.PATCH, new org.springframework.http.HttpEntity<>(body),
				JsonNode.class);
	}

}
