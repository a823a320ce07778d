package org.waveplan.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
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

}
