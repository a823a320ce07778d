package org.waveplan.pipeline;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.waveplan.security.Role;
import org.waveplan.web.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/** The renders page over real HTTP as a browser, with real render jobs. */
class RenderPagesTest extends RenderTestSupport {

	private static final String[] HTMX = { "HX-Request", "true" };

	private static final String POLLING = "hx-trigger=\"every 2s\"";

	@LocalServerPort
	int port;

	private Browser loggedIn(Role role) throws Exception {
		String name = role.name().toLowerCase() + "1";
		return new Browser(port).loggedIn(name, name + PASSWORD_SUFFIX);
	}

	@Test
	void theListFollowsRendersWhileOneIsQueuedOrRunningAndRenderNowStartsOne() throws Exception {
		threeSitesAirTheSameEpisodeTomorrow();
		List<JsonNode> queued = renders("");
		long tac = airing(queued, "TAC");
		Browser producer = loggedIn(Role.PRODUCER);
		HttpResponse<String> page = producer.get("/renders");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<html", "<h1>Renders</h1>", "TAC", "TIN", "KRJ", "korea-today", tomorrow + " 20:00 UTC",
				"hx-get=\"/renders\"", POLLING, ">Render now<", "action=\"/renders/" + tac + "/render\"")
			.doesNotContain("<progress");
		// htmx takes the list alone
		String list = producer.get("/renders", HTMX).body();
		assertThat(list).startsWith("<div class=\"renders-list\"").contains(POLLING).doesNotContain("<html");

		// running: a progress bar where it stands
		jdbc.update("update render set state = 'RUNNING', progress = 0.4 where airing_id = ?", tac);
		list = producer.get("/renders", HTMX).body();
		assertThat(list).contains("<progress max=\"100\" value=\"40\"", ">rendering<", POLLING);
		jdbc.update("update render set state = 'QUEUED', progress = 0 where airing_id = ?", tac);

		HttpResponse<String> asked = producer.post("/renders/" + tac + "/render", Map.of("_csrf", Browser.csrf(page.body())),
				HTMX);
		assertThat(asked.statusCode()).isEqualTo(200);
		assertThat(asked.body()).startsWith("<div class=\"renders-list\"");
		awaitAll("done", 3);

		// all done: full bars, and the list asks no more
		list = producer.get("/renders", HTMX).body();
		assertThat(list).contains("<progress max=\"100\" value=\"100\"", "MP3", "FLAC", "LUFS")
			.doesNotContain(POLLING)
			.doesNotContain("hx-get")
			.doesNotContain(">Render now<");
	}

	@Test
	void aFailedRenderShowsItsReasonAndCanBeAskedForAgainWithoutHtmxToo() throws Exception {
		threeSitesAirTheSameEpisodeTomorrow();
		// louder than its own true-peak ceiling allows: no file can meet it
		fixtures().deliveryProfile("KRJ", Map.of("codec", "FLAC", "sampleRate", 44100, "channels", 2, "preset", "none",
				"targetLufs", -5, "truePeakCeilingDbtp", -9));
		Browser engineer = loggedIn(Role.ENGINEER);
		String csrf = Browser.csrf(engineer.get("/renders").body());
		HttpResponse<String> asked = engineer.post("/renders/" + airing(renders(""), "TAC") + "/render",
				Map.of("_csrf", csrf));
		// a plain form goes back to the page
		assertThat(asked.statusCode()).isEqualTo(302);
		assertThat(asked.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/renders"));
		awaitAll("done", 2);
		long krj = airing(awaitAll("failed", 1), "KRJ");

		String page = engineer.get("/renders").body();
		assertThat(page).contains("class=\"render-failed\"", ">failed<", "<p class=\"reason\">", "not -5.0 LUFS",
				"action=\"/renders/" + krj + "/render\"")
			.doesNotContain(POLLING);
	}

	@Test
	void anAiringThatCannotBeRenderedIsRefusedWithTheApisReason() throws Exception {
		Browser producer = loggedIn(Role.PRODUCER);
		String csrf = Browser.csrf(producer.get("/renders").body());
		HttpResponse<String> refused = producer.post("/renders/987654/render", Map.of("_csrf", csrf), HTMX);
		assertThat(refused.statusCode()).isEqualTo(404);
		assertThat(refused.body()).contains("role=\"alert\"", "no airing 987654", "No renders from today on.");
	}

	@Test
	void aListAskedForAfterTheSessionEndedSendsThePageToTheLogin() throws Exception {
		Browser anonymous = new Browser(port);
		HttpResponse<String> polled = anonymous.get("/renders", HTMX);
		assertThat(polled.statusCode()).isEqualTo(401);
		assertThat(polled.headers().firstValue("HX-Redirect")).hasValue("/login");
		assertThat(polled.body()).doesNotContain("<form");
		// a page asked for by the browser itself still goes to the login page
		assertThat(anonymous.get("/renders").headers().firstValue("Location"))
			.hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
	}

}
