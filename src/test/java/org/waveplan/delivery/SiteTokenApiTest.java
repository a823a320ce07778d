package org.waveplan.delivery;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.waveplan.ApiTest;
import org.waveplan.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

class SiteTokenApiTest extends ApiTest {

	@BeforeEach
	void sites() {
		fixtures().site("TAC", 1);
		fixtures().site("KRJ", 1);
	}

	@Test
	void anAdminIssuesATokenShownOnceAndKeptOnlyAsAHash() {
		ResponseEntity<JsonNode> issued = post(as(Role.ADMIN), "/api/sites/TAC/tokens", Map.of("label", "Tashkent agent"));
		assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String token = issued.getBody().get("token").asText();
		assertThat(token).startsWith("wps_").hasSizeGreaterThan(40);
		assertThat(jdbc.queryForObject("select token_sha256 from site_token", String.class))
			.isEqualTo(SiteTokens.sha256(token))
			.doesNotContain(token);
		JsonNode listed = get(as(Role.ADMIN), "/api/sites/TAC/tokens").getBody();
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("label").asText()).isEqualTo("Tashkent agent");
		assertThat(listed.toString()).doesNotContain(token.substring(4));
		assertThat(post(engineer(), "/api/sites/TAC/tokens", Map.of("label", "x")).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(post(as(Role.ADMIN), "/api/sites/ZZZ/tokens", Map.of("label", "x")).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void theTokensOfASiteThatDoesNotExistAreA404ProblemAsOnItsPage() {
		ResponseEntity<JsonNode> listed = get(as(Role.ADMIN), "/api/sites/ZZZ/tokens");
		assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(listed.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(listed.getBody().get("detail").asText()).isEqualTo("no site 'ZZZ'");
	}

	@Test
	void aTokenReachesItsOwnSitesDeliveryOnlyUntilRevoked() {
		JsonNode issued = post(as(Role.ADMIN), "/api/sites/TAC/tokens", Map.of("label", "agent")).getBody();
		String token = issued.get("token").asText();
		assertThat(status(token, "/api/sites/TAC/manifest")).isNotIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
		assertThat(status(token, "/api/sites/KRJ/manifest")).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(status(token, "/api/sites/KRJ/files/x.mp3")).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(status(token, "/api/sites")).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(status(token, "/api/renders")).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(status(token, "/api/sites/TAC/tokens")).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(status("wps_" + "A".repeat(43), "/api/sites/TAC/manifest")).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(status("not-a-token", "/api/sites/TAC/manifest")).isEqualTo(HttpStatus.UNAUTHORIZED);

		assertThat(as(Role.ADMIN).exchange("/api/sites/TAC/tokens/" + issued.get("record").get("id").asLong(),
				HttpMethod.DELETE, null, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(status(token, "/api/sites/TAC/manifest")).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(get(as(Role.ADMIN), "/api/sites/TAC/tokens").getBody().get(0).get("revokedAt").isNull()).isFalse();
	}

	@Test
	void sitesAreNotUsersWithPasswords() {
		assertThat(post(as(Role.ADMIN), "/api/users", Map.of("username", "tac", "password", "a-long-passphrase", "role",
				"SITE")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	private HttpStatus status(String token, String url) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(token);
		return HttpStatus.valueOf(rest.exchange(url, HttpMethod.GET, new HttpEntity<>(headers), String.class)
			.getStatusCode()
			.value());
	}

}
