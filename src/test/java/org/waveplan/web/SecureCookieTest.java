package org.waveplan.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.waveplan.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Behind a proxy that ends TLS (deploy/README.md), the session cookie is Secure; over plain HTTP it cannot be. */
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class SecureCookieTest extends ApiTest {

	@LocalServerPort
	int port;

	@Test
	void theSessionCookieIsSecureWhenTheRequestCameOverHttps() throws Exception {
		assertThat(sessionCookie(new Browser(port).get("/login", "X-Forwarded-Proto", "https")))
			.containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
		assertThat(sessionCookie(new Browser(port).get("/login"))).doesNotContainIgnoringCase("Secure");
	}

	private static String sessionCookie(HttpResponse<String> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
	}

}
