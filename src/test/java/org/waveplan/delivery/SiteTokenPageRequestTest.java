package org.waveplan.delivery;

import org.hamcrest.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.waveplan.security.Role;
import org.waveplan.security.SecuredSlice;
import org.waveplan.web.PageSlice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * What a site's token form refuses before a token is issued or revoked: the real Bean Validation and security rules,
 * the refusal drawn as the form with the API's problem next to its field. The site and its tokens are only looked
 * up, to draw the form. Issuing and revoking are {@link DeliveryPagesTest}'s.
 */
@WebMvcTest(SiteTokenPages.class)
@Import({ SecuredSlice.Rules.class, SecuredSlice.NoAccounts.class, PageSlice.class })
class SiteTokenPageRequestTest {

	private static final String TAC = "/sites/TAC/tokens";

	@Autowired
	private MockMvc mvc;

	// the rules' site credentials, in place of the slice's none; the form is drawn for TAC, with no token yet
	@MockitoBean
	private SiteTokens tokens;

	@AfterEach
	void noTokenWasIssuedNorRevoked() {
		verify(tokens, never()).issue(any(), any(), any());
		verify(tokens, never()).revoke(any(), anyLong());
	}

	@Test
	void aTokenWithoutAFittingNameIsRefusedAtItsField() throws Exception {
		refused(post(TAC).param("label", " ")).andExpect(content().string(fieldError("label", "must not be blank")));
		refused(post(TAC).param("label", "x".repeat(101))).andExpect(content().string(allOf(
				fieldError("label", "size must be between 0 and 100"), containsString("value=\"" + "x".repeat(101) + "\""))));
	}

	/** The site's page loads the form with htmx and gets the refusal as the part alone, to swap in its place. */
	@Test
	void anHtmxFormIsRefusedAsThePartAlone() throws Exception {
		refused(post(TAC).param("label", "").header("HX-Request", "true"))
			.andExpect(view().name("delivery/tokens :: tokens"))
			.andExpect(content().string(allOf(containsString("<section class=\"site-tokens-part\""),
					fieldError("label", "must not be blank"), not(containsString("<header")))));
	}

	@Test
	void everyFieldOfThePartHasItsLabel() throws Exception {
		String part = mvc.perform(get(TAC).header("HX-Request", "true").with(user("admin1").roles(Role.ADMIN.name())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(PageSlice.unlabelledFields(part)).isEmpty();
		assertThat(PageSlice.fields(part)).as("the new token's name").isEqualTo(1);
	}

	@Test
	void onlyAnAdminWithTheFormsCsrfTokenIssuesOrRevokes() throws Exception {
		for (String path : new String[] { TAC, TAC + "/7/revoke" }) {
			mvc.perform(post(path).param("label", "agent").with(user("admin1").roles(Role.ADMIN.name())))
				.andExpect(status().isForbidden());
			for (Role role : new Role[] { Role.ENGINEER, Role.PRODUCER }) {
				mvc.perform(post(path).param("label", "agent")
					.with(user(role.name().toLowerCase() + "1").roles(role.name()))
					.with(csrf())).andExpect(status().isForbidden());
			}
			mvc.perform(post(path).param("label", "agent").with(csrf()))
				.andExpect(status().isFound())
				.andExpect(redirectedUrl("http://localhost/login"));
		}
		mvc.perform(get(TAC).with(user("engineer1").roles(Role.ENGINEER.name()))).andExpect(status().isForbidden());
	}

	// the reason next to its field, as fragments :: fieldError draws it
	private static Matcher<String> fieldError(String field, String reason) {
		return containsString("<p class=\"field-error\" id=\"" + field + "-error\">" + reason + "</p>");
	}

	/** The form drawn again under 400 with the problem above it. */
	private ResultActions refused(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(user("admin1").roles(Role.ADMIN.name())).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("id=\"problem\""), containsString("Invalid request"))));
	}

}
