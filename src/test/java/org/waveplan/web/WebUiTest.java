package org.waveplan.web;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
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

	private static String password(Role role) {
		return role.name().toLowerCase() + "1" + PASSWORD_SUFFIX;
	}

	private Browser browser() {
		return new Browser(port);
	}

	private Browser loggedIn(Role role) throws Exception {
		return browser().loggedIn(role.name().toLowerCase() + "1", password(role));
	}

	@Test
	void theLoginPageRendersWithLabelledInputsAndACsrfToken() throws Exception {
		HttpResponse<String> page = browser().get("/login");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
		assertThat(page.body()).contains("<label for=\"username\"", "id=\"username\"", "<label for=\"password\"",
				"id=\"password\"", "name=\"_csrf\"", "/css/waveplan.css", "htmx.min.js");
	}

	@Test
	void aFormLoginGetsASessionWhoseCookieIsHttpOnlyAndLaxAndTheDashboard() throws Exception {
		Browser browser = browser();
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
		HttpResponse<String> out = browser.post("/logout", Map.of("_csrf", Browser.csrf(dashboard.body())));
		assertThat(out.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login?logout"));
		assertThat(browser.get("/").statusCode()).isEqualTo(302);
	}

	@Test
	void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
		Browser browser = browser();
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
	void htmxSendsThePagesCsrfTokenAsAHeader() throws Exception {
		Browser in = loggedIn(Role.ENGINEER);
		Matcher header = Pattern.compile("hx-headers='\\{&quot;X-CSRF-TOKEN&quot;: &quot;([^&]+)&quot;\\}'")
			.matcher(in.get("/").body());
		assertThat(header.find()).as("the token for htmx on <body>").isTrue();
		HttpResponse<String> out = in.http.send(HttpRequest.newBuilder(in.uri("/logout"))
			.header("X-CSRF-TOKEN", header.group(1))
			.header("HX-Request", "true")
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(out.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login?logout"));
	}

	@Test
	void fiveFailedLoginsHoldTheUsersTriesForAMinute() throws Exception {
		String user = "web.held";
		if (!accounts.exists(user)) {
			accounts.create(user, "right-password", Role.PRODUCER);
		}
		Browser browser = browser();
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
		HttpResponse<String> api = browser.http.send(HttpRequest.newBuilder(browser.uri("/api/programs"))
			.header("Authorization", "Basic " + java.util.Base64.getEncoder()
				.encodeToString((user + ":right-password").getBytes(StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(api.statusCode()).isEqualTo(429);
		assertThat(api.body()).contains("urn:waveplan:problem:login-held");
		// other users are not held
		assertThat(browser().login("producer1", password(Role.PRODUCER)).headers().firstValue("Location"))
			.hasValueSatisfying(to -> assertThat(to).doesNotContain("login"));

		clock.advance(Duration.ofMinutes(1));
		HttpResponse<String> again = browser.login(user, "right-password");
		assertThat(again.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("login"));
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
	}

	@Test
	void theApiStaysStatelessWithBasicAndProblemsNeverARedirect() throws Exception {
		Browser browser = browser();
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
		assertThat(page).contains("waiting for render").doesNotContain("On air");
		assertThat(count(page, "late deliveries")).isZero();

		// half an hour later it is on the air, and late: its file never reached the site
		clock.set(Instant.parse("2026-10-20T13:30:00Z"));
		page = browser.get("/").body();
		assertThat(page).contains("On air", "2026-10-20 13:00 UTC", "2026-10-21 13:00 UTC");
		assertThat(count(page, "late deliveries")).isEqualTo(1);
		assertThat(count(page, "schedule conflicts")).isZero();
		assertThat(count(page, "failed renders")).isZero();
	}

	/** A site given a token whose agent never polls is counted: it needs a person. */
	@Test
	void theDashboardCountsSitesWhoseAgentIsSilent() throws Exception {
		String silent = "sites whose agent has not polled for two of its intervals";
		fixtures().site("SIL", 1);
		Browser browser = loggedIn(Role.ENGINEER);
		int before = count(browser.get("/").body(), silent);

		assertThat(post(as(Role.ADMIN), "/api/sites/SIL/tokens", Map.of("label", "agent")).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);

		assertThat(count(browser.get("/").body(), silent)).isEqualTo(before + 1);
	}

	private static int count(String page, String label) {
		Matcher count = Pattern.compile("<strong>(\\d+)</strong> <span>" + label + "</span>").matcher(page);
		assertThat(count.find()).as("the count of %s", label).isTrue();
		return Integer.parseInt(count.group(1));
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
		assertThat(get(as(Role.ADMIN), "/actuator/no-such-thing").getBody().get("type").asText())
			.isEqualTo("urn:waveplan:problem:not-found");
	}

	@Test
	void assetsAreOpen() throws Exception {
		Browser browser = browser();
		assertThat(browser.get("/css/waveplan.css").statusCode()).isEqualTo(200);
		assertThat(browser.get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
	}

}
