package org.waveplan.delivery;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.waveplan.ApiTest;
import org.waveplan.MutableClock;
import org.waveplan.security.Role;
import org.waveplan.web.Browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waveplan.Fixtures.slot;
import static org.waveplan.Fixtures.with;

/** The deliveries page and the site page's parts of delivery (tokens, agent), over real HTTP as a browser. */
@Import(MutableClock.Config.class)
class DeliveryPagesTest extends ApiTest {

	private static final String[] HTMX = { "HX-Request", "true" };

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void noon() {
		clock.set(Instant.parse("2026-10-20T12:00:00Z"));
	}

	private Browser loggedIn(Role role) throws Exception {
		String name = role.name().toLowerCase() + "1";
		return new Browser(port).loggedIn(name, name + PASSWORD_SUFFIX);
	}

	@Test
	void anAdminIssuesATokenSeenOnceOnlyThenRevokesIt() throws Exception {
		fixtures().site("TAC", 1);
		Browser admin = loggedIn(Role.ADMIN);
		HttpResponse<String> part = admin.get("/sites/TAC/tokens", HTMX);
		assertThat(part.statusCode()).isEqualTo(200);
		// the part alone, for the site's page: no layout around it
		assertThat(part.body()).contains("class=\"site-tokens-part\"", "This site has no token.", "<label for=\"token-label\"")
			.doesNotContain("<html", "action=\"/logout\"");

		HttpResponse<String> issued = admin.post("/sites/TAC/tokens",
				Map.of("label", "Tashkent agent", "_csrf", Browser.csrf(part.body())), HTMX);
		assertThat(issued.statusCode()).isEqualTo(200);
		assertThat(issued.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
		String token = token(issued.body());
		assertThat(token).startsWith("wps_");
		assertThat(issued.body()).contains("New token &quot;Tashkent agent&quot;", "shown this once", "data-copy=\"new-token\"",
				"/js/copy.js", "Tashkent agent</td>", "admin1");
		// the token works: it is the site's
		HttpHeaders bearer = new HttpHeaders();
		bearer.setBearerAuth(token);
		assertThat(rest.exchange("/api/sites/TAC/manifest", HttpMethod.GET, new HttpEntity<>(bearer), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);

		// reloaded, as part or page, the token is there no more
		for (HttpResponse<String> again : new HttpResponse[] { admin.get("/sites/TAC/tokens", HTMX),
				admin.get("/sites/TAC/tokens") }) {
			assertThat(again.body()).contains("Tashkent agent").doesNotContain(token).doesNotContain(token.substring(4, 20));
		}
		HttpResponse<String> alone = admin.get("/sites/TAC/tokens");
		assertThat(alone.body()).contains("<html", "action=\"/logout\"", "site-tokens-part");

		long id = jdbc.queryForObject("select id from site_token where site = 'TAC'", Long.class);
		HttpResponse<String> revoked = admin.post("/sites/TAC/tokens/" + id + "/revoke",
				Map.of("_csrf", Browser.csrf(part.body())), HTMX);
		assertThat(revoked.statusCode()).isEqualTo(200);
		assertThat(revoked.body()).doesNotContain(">Revoke<").contains("2026-10-20 12:00 UTC");
		assertThat(jdbc.queryForObject("select revoked_at is not null from site_token where id = ?", Boolean.class, id))
			.isTrue();
		assertThat(rest.exchange("/api/sites/TAC/manifest", HttpMethod.GET, new HttpEntity<>(bearer), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aPlainFormsIssueRedirectsSoThatAReloadIssuesNoSecondToken() throws Exception {
		fixtures().site("TAC", 1);
		Browser admin = loggedIn(Role.ADMIN);
		String csrf = Browser.csrf(admin.get("/sites/TAC/tokens").body());
		HttpResponse<String> issued = admin.post("/sites/TAC/tokens", Map.of("label", "Tashkent agent", "_csrf", csrf));
		assertThat(issued.statusCode()).isEqualTo(302);
		assertThat(issued.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/sites/TAC/tokens"));
		assertThat(jdbc.queryForObject("select count(*) from site_token", Integer.class)).isOne();

		// the page it leads to shows the token, once
		HttpResponse<String> page = admin.get("/sites/TAC/tokens");
		assertThat(page.statusCode()).isEqualTo(200);
		String token = token(page.body());
		assertThat(token).startsWith("wps_");
		assertThat(page.body()).contains("<html", "New token &quot;Tashkent agent&quot;", "shown this once");
		assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
		assertThat(admin.get("/sites/TAC/tokens").body()).contains("Tashkent agent").doesNotContain(token)
			.doesNotContain("shown this once");
		assertThat(jdbc.queryForObject("select count(*) from site_token", Integer.class)).isOne();
	}

	@Test
	void theTokensOfASiteThatDoesNotExistAreA404AsInTheApi() throws Exception {
		Browser admin = loggedIn(Role.ADMIN);
		assertThat(admin.get("/sites/ZZZ/tokens", "Accept", "text/html").statusCode()).isEqualTo(404);
		assertThat(admin.get("/sites/ZZZ/profile", "Accept", "text/html").statusCode()).isEqualTo(404);
	}

	@Test
	void aTokenWithoutANameIsRefusedNextToItsField() throws Exception {
		fixtures().site("TAC", 1);
		Browser admin = loggedIn(Role.ADMIN);
		String csrf = Browser.csrf(admin.get("/sites/TAC/tokens", HTMX).body());
		HttpResponse<String> refused = admin.post("/sites/TAC/tokens", Map.of("label", " ", "_csrf", csrf), HTMX);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"label-error\"", "role=\"alert\"").doesNotContain("wps_");
		assertThat(jdbc.queryForObject("select count(*) from site_token", Integer.class)).isZero();
	}

	@Test
	void onlyAnAdminSeesOrIssuesTokens() throws Exception {
		fixtures().site("TAC", 1);
		for (Role role : new Role[] { Role.ENGINEER, Role.PRODUCER }) {
			Browser browser = loggedIn(role);
			assertThat(browser.get("/sites/TAC/tokens", HTMX).statusCode()).as(role.name()).isEqualTo(403);
			String csrf = Browser.csrf(browser.get("/").body());
			assertThat(browser.post("/sites/TAC/tokens", Map.of("label", "x", "_csrf", csrf), HTMX).statusCode())
				.as(role.name())
				.isEqualTo(403);
		}
		assertThat(jdbc.queryForObject("select count(*) from site_token", Integer.class)).isZero();
	}

	@Test
	void theAgentPartShowsTheLastPollInUtcAndKstAndWhenItFallsSilent() throws Exception {
		fixtures().site("POA", 1);
		Browser engineer = loggedIn(Role.ENGINEER);
		assertThat(engineer.get("/sites/POA/agent", HTMX).body()).contains("site-agent-part", "never polled");

		String token = post(as(Role.ADMIN), "/api/sites/POA/tokens", Map.of("label", "agent")).getBody()
			.get("token")
			.asText();
		assertThat(engineer.get("/sites/POA/agent", HTMX).body()).contains("has a live token, but its agent has never polled");
		HttpHeaders poll = new HttpHeaders();
		poll.setBearerAuth(token);
		poll.set(ManifestFormat.POLL_INTERVAL_HEADER, "30");
		assertThat(rest.exchange("/api/sites/POA/manifest", HttpMethod.GET, new HttpEntity<>(poll), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		long version = get(engineer(), "/api/sites/POA/agent").getBody().get("version").asLong();

		String part = engineer.get("/sites/POA/agent", HTMX).body();
		assertThat(part).contains("2026-10-20 12:00 UTC", "10-20 21:00 KST", "30 s", ">polling<",
				"<dd>" + version + "</dd>").doesNotContain("role=\"alert\"").doesNotContain("<html");
		clock.set(Instant.parse("2026-10-20T12:01:01Z"));
		assertThat(engineer.get("/sites/POA/agent", HTMX).body()).contains(">silent<", "role=\"alert\"");
		// opened alone it is a page; a producer may look
		assertThat(loggedIn(Role.PRODUCER).get("/sites/POA/agent").body()).contains("<html", "Agent of POA");
		assertThat(engineer.get("/sites/NOP/agent", "Accept", "text/html").statusCode()).isEqualTo(404);
	}

	@Test
	void theDeliveriesGridShowsEachAiringsStateBySiteWithLateOnesInRed() throws Exception {
		fixtures().site("TAC", 1, "TX1");
		fixtures().site("KRJ", 1, "TX1");
		fixtures().program("korea-today", 60);
		fixtures().bindSlot(with(slot("TAC", "TX1", 9650, "13:00", "14:00"), "validFrom", "2026-10-20", "validTo",
				"2026-10-21"), "korea-today");
		fixtures().bindSlot(with(slot("KRJ", "TX1", 7345, "15:00", "16:00"), "validFrom", "2026-10-20", "validTo",
				"2026-10-21"), "korea-today");
		awaitEventsHandled();
		Browser producer = loggedIn(Role.PRODUCER);
		String page = producer.get("/deliveries").body();
		assertThat(page).contains("<th scope=\"col\">KRJ</th>", "<th scope=\"col\">TAC</th>", "2026-10-20 13:00 UTC",
				"2026-10-20 15:00 UTC", "2026-10-21 13:00 UTC", "waiting for render").doesNotContain("delivery delivery-late");
		assertThat(page.indexOf("KRJ</th>")).as("sites in order").isLessThan(page.indexOf("TAC</th>"));
		assertThat(page.indexOf("2026-10-20 13:00 UTC")).as("airings by time").isLessThan(page.indexOf("2026-10-20 15:00 UTC"));

		// at 13:30 TAC's airing is late: its file never reached the site
		clock.set(Instant.parse("2026-10-20T13:30:00Z"));
		page = producer.get("/deliveries").body();
		Matcher late = Pattern.compile("class=\"delivery delivery-late\"[^>]*>\\s*<span class=\"program\">korea-today</span>\\s*<strong class=\"state\">late</strong>")
			.matcher(page);
		assertThat(late.find()).as("a late airing, marked late").isTrue();
		assertThat(count(page, "delivery delivery-late")).isEqualTo(1);
		assertThat(count(page, "delivery delivery-waiting")).isEqualTo(3);
		// TAC's row has an empty cell for KRJ, KRJ's row one for TAC
		assertThat(page).contains("data-label=\"KRJ\" class=\"empty\"");
		assertThat(get(producer(), "/api/deliveries").getBody()).hasSize(4);
	}

	private static int count(String page, String text) {
		return page.split(Pattern.quote(text), -1).length - 1;
	}

	private static String token(String page) {
		Matcher token = Pattern.compile("id=\"new-token\"[^>]*value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).as("the new token in the page").isTrue();
		return token.group(1);
	}

}
