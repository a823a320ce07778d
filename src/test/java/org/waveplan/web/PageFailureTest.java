package org.waveplan.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.waveplan.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A page that fails is a 500 in the layout, never a problem JSON nor the white-label page. */
@Import(PageFailureTest.Failing.class)
class PageFailureTest extends ApiTest {

	@LocalServerPort
	int port;

	/** A page of the web module with a bug. */
	@TestConfiguration
	@Controller
	static class Failing {

		@GetMapping("/failing-page")
		String fail() {
			throw new IllegalStateException("a page's bug");
		}

		@GetMapping("/numbered-page")
		String numbered(@RequestParam int n) {
			return "dashboard";
		}

		@GetMapping("/broken-page")
		String broken() {
			return "broken-page";
		}

	}

	@Test
	void aFailingPageIsA500InTheLayout() throws Exception {
		Browser browser = new Browser(port).loggedIn("engineer1", "engineer1" + PASSWORD_SUFFIX);
		HttpResponse<String> failed = browser.get("/failing-page", "Accept", "text/html");
		assertThat(failed.statusCode()).isEqualTo(500);
		assertThat(failed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
		assertThat(failed.body()).contains("500", "Internal error", "engineer1", "action=\"/logout\"")
			.doesNotContain("Whitelabel", "a page's bug", "IllegalStateException");
	}

	/** htmx asks with any type: the error must still be the page, though the template had begun as HTML. */
	@ParameterizedTest
	@ValueSource(strings = { "text/html", "*/*" })
	void aPageWhoseTemplateFailsWhileDrawnIsA500InTheLayout(String accept) throws Exception {
		Browser browser = new Browser(port).loggedIn("engineer1", "engineer1" + PASSWORD_SUFFIX);
		HttpResponse<String> failed = browser.get("/broken-page", "Accept", accept);
		assertThat(failed.statusCode()).isEqualTo(500);
		assertThat(failed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
		assertThat(failed.body()).contains("500", "Internal error", "engineer1").doesNotContain("Whitelabel", "SpelEvaluationException");
	}

	/** A value a page cannot read, or one it lacks, is the sender's doing: a 400 page, not a 500 logged as a bug. */
	@ParameterizedTest
	@ValueSource(strings = { "/numbered-page?n=x", "/numbered-page" })
	void aRequestAPageCannotReadIsA400InTheLayout(String path) throws Exception {
		Browser browser = new Browser(port).loggedIn("engineer1", "engineer1" + PASSWORD_SUFFIX);
		HttpResponse<String> refused = browser.get(path, "Accept", "text/html");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("400", "engineer1").doesNotContain("Whitelabel", "Internal error");
	}

	/** A refused form is drawn at its POST address; a GET of that address (the language link) is a 405 page. */
	@Test
	void aPageAddressAskedWithTheWrongMethodIsA405InTheLayout() throws Exception {
		Browser browser = new Browser(port).loggedIn("engineer1", "engineer1" + PASSWORD_SUFFIX);
		HttpResponse<String> refused = browser.get("/sites/TAC/transmitters?lang=ko", "Accept", "*/*");
		assertThat(refused.statusCode()).isEqualTo(405);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
		assertThat(refused.body()).contains("405", "engineer1").doesNotContain("urn:waveplan:problem");
	}

}
