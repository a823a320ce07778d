package org.waveplan.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.waveplan.ApiTest;
import org.waveplan.MutableClock;
import org.waveplan.security.Role;
import org.waveplan.security.UserAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waveplan.Fixtures.slot;
import static org.waveplan.Fixtures.with;

/** The pages over real HTTP, as a browser speaks to them: cookies kept, redirects seen, forms with their token. */
@Import(MutableClock.Config.class)
class WebUiTest extends ApiTest {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	UserAccounts accounts;

	@BeforeEach
	void noon() {
		clock.set(Instant.parse("2026-10-20T12:00:00Z"));
	}

	/** A browser of its own: its own cookies (session, language). */
	class Browser {

		final CookieManager cookies = new CookieManager();

		final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

		HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
			if (headers.length > 0) {
				request.headers(headers);
			}
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
			String body = form.entrySet()
				.stream()
				.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return http.send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		/** Logs in through the form, with the CSRF token the login page gave; answers the POST's response. */
		HttpResponse<String> login(String user, String password) throws IOException, InterruptedException {
			String token = csrf(get("/login").body());
			return post("/login", Map.of("username", user, "password", password, "_csrf", token));
		}

		String cookie(String name) {
			return cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(c -> c.getName().equals(name))
				.map(c -> c.getValue())
				.findFirst()
				.orElse(null);
		}

	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String csrf(String page) {
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).as("a CSRF token in the page").isTrue();
		return token.group(1);
	}

	private static String password(Role role) {
		return role.name().toLowerCase() + "1" + PASSWORD_SUFFIX;
	}

	private Browser loggedIn(Role role) throws Exception {
		Browser browser = new Browser();
		assertThat(browser.login(role.name().toLowerCase() + "1", password(role)).headers().firstValue("Location"))
			.hasValueSatisfying(to -> assertThat(to).doesNotContain("/login"));
		return browser;
	}

	@Test
	void theLoginPageRendersWithLabelledInputsAndACsrfToken() throws Exception {
		HttpResponse<String> page = new Browser().get("/login");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
		assertThat(page.body()).contains("<label for=\"username\"", "id=\"username\"", "<label for=\"password\"",
				"id=\"password\"", "name=\"_csrf\"", "/css/waveplan.css", "htmx.min.js");
	}

	@Test
	void aFormLoginGetsASessionWhoseCookieIsHttpOnlyAndLaxAndTheDashboard() throws Exception {
		Browser browser = new Browser();
		HttpResponse<String> anonymous = browser.get("/");
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));

		HttpResponse<String> login = browser.login("producer1", password(Role.PRODUCER));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("login"));
		String sessionCookie = login.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow();
		assertThat(sessionCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");

		HttpResponse<String> dashboard = browser.get("/");
		assertThat(dashboard.statusCode()).isEqualTo(200);
		assertThat(dashboard.body()).contains("Dashboard", "producer1", "action=\"/logout\"");

		// logging out takes a POST with the token; then the pages want a login again
		HttpResponse<String> out = browser.post("/logout", Map.of("_csrf", csrf(dashboard.body())));
		assertThat(out.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login?logout"));
		assertThat(browser.get("/").statusCode()).isEqualTo(302);
	}

	@Test
	void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
		Browser browser = new Browser();
		browser.get("/login");
		HttpResponse<String> login = browser.post("/login",
				Map.of("username", "producer1", "password", password(Role.PRODUCER)));
		assertThat(login.statusCode()).isEqualTo(403);
		assertThat(browser.get("/").statusCode()).as("not logged in").isEqualTo(302);
		Browser in = loggedIn(Role.PRODUCER);
		assertThat(in.post("/logout", Map.of()).statusCode()).isEqualTo(403);
		assertThat(in.get("/").statusCode()).as("still logged in").isEqualTo(200);
	}

	@Test
	void fiveFailedLoginsHoldTheUsersTriesForAMinute() throws Exception {
		String user = "web.held";
		if (!accounts.exists(user)) {
			accounts.create(user, "right-password", Role.PRODUCER);
		}
		Browser browser = new Browser();
		for (int i = 0; i < 5; i++) {
			assertThat(browser.login(user, "wrong-password").headers().firstValue("Location"))
				.hasValueSatisfying(to -> assertThat(to).endsWith("/login?error"));
			clock.advance(Duration.ofSeconds(5));
		}
		HttpResponse<String> held = browser.login(user, "right-password");
		assertThat(held.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login?held"));
		assertThat(browser.get("/login?held").body()).contains("Too many failed logins for this user");
		assertThat(browser.get("/").statusCode()).as("not logged in").isEqualTo(302);
		// the API's Basic login is held too, with a problem that says when to come back
		HttpResponse<String> api = browser.http.send(HttpRequest.newBuilder(uri("/api/programs"))
			.header("Authorization", "Basic " + java.util.Base64.getEncoder()
				.encodeToString((user + ":right-password").getBytes(StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(api.statusCode()).isEqualTo(429);
		assertThat(api.body()).contains("urn:waveplan:problem:login-held");
		// other users are not held
		assertThat(new Browser().login("producer1", password(Role.PRODUCER)).headers().firstValue("Location"))
			.hasValueSatisfying(to -> assertThat(to).doesNotContain("login"));

		clock.advance(Duration.ofMinutes(1));
		HttpResponse<String> again = browser.login(user, "right-password");
		assertThat(again.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("login"));
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
	}

	@Test
	void theApiStaysStatelessWithBasicAndProblemsNeverARedirect() throws Exception {
		Browser browser = new Browser();
		HttpResponse<String> anonymous = browser.get("/api/sites");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(anonymous.body()).contains("urn:waveplan:problem:unauthorized");
		assertThat(anonymous.headers().firstValue("Location")).isEmpty();
		assertThat(anonymous.headers().allValues("Set-Cookie")).isEmpty();
		// a session from the pages does not open the API
		Browser in = loggedIn(Role.ENGINEER);
		assertThat(in.get("/api/sites").statusCode()).isEqualTo(401);
		assertThat(get(engineer(), "/api/sites").getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void theDashboardShowsAnAiringOfTheNextDayInUtcAndKst() throws Exception {
		fixtures().site("TAC", 1, "TX1");
		fixtures().program("korea-today", 60);
		fixtures().bindSlot(with(slot("TAC", "TX1", 9650, "13:00", "14:00"), "validFrom", "2026-10-01"), "korea-today");
		awaitEventsHandled();
		Browser browser = loggedIn(Role.PRODUCER);
		String page = browser.get("/").body();
		assertThat(page).contains("TAC", "9650", "korea-today", "2026-10-20 13:00 UTC", "10-20 22:00 KST",
				"no episode queued", "not planned");
		// the next day's 13:00 is beyond the 24 hours
		assertThat(page).doesNotContain("2026-10-21 13:00 UTC");
		assertThat(page).contains("schedule conflicts", "failed renders", "late deliveries");
	}

	@Test
	void accept_languageKoGivesKoreanAndTheSwitcherCookieOverridesIt() throws Exception {
		Browser browser = loggedIn(Role.PRODUCER);
		assertThat(browser.get("/", "Accept-Language", "ko-KR,ko;q=0.9,en;q=0.5").body()).contains("대시보드", "로그아웃")
			.doesNotContain(">Dashboard<");
		assertThat(browser.get("/", "Accept-Language", "fr-FR").body()).contains(">Dashboard<");
		assertThat(browser.get("/?lang=en", "Accept-Language", "ko").body()).contains(">Dashboard<");
		assertThat(browser.cookie("waveplan-lang")).isEqualTo("en");
		assertThat(browser.get("/", "Accept-Language", "ko").body()).contains(">Dashboard<").doesNotContain("대시보드");
		assertThat(browser.get("/?lang=ko").body()).contains("대시보드");
		assertThat(browser.get("/login").body()).contains("로그인");
	}

	@Test
	void errorsOfPagesComeInTheLayoutNeverWhiteLabel() throws Exception {
		Browser producer = loggedIn(Role.PRODUCER);
		HttpResponse<String> missing = producer.get("/no-such-page", "Accept", "text/html");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("404", "Not found", "action=\"/logout\"", "producer1")
			.doesNotContain("Whitelabel");
		HttpResponse<String> forbidden = producer.get("/users", "Accept", "text/html");
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).contains("403", "Forbidden", "producer1").doesNotContain("Whitelabel");
		assertThat(producer.get("/no-such-page", "Accept", "text/html", "Accept-Language", "ko").body())
			.contains("찾을 수 없음");
		// the API's unknown paths keep their problem
		assertThat(get(producer(), "/api/no-such-thing").getBody().get("type").asText())
			.isEqualTo("urn:waveplan:problem:forbidden");
	}

	@Test
	void assetsAreOpen() throws Exception {
		Browser browser = new Browser();
		assertThat(browser.get("/css/waveplan.css").statusCode()).isEqualTo(200);
		assertThat(browser.get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
	}

}
