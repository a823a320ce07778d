package org.waveplan.security;

import java.util.List;

import org.hamcrest.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.waveplan.web.PageSlice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * What the users page refuses before an account is added or changed: a form the real binding, Bean Validation and
 * security rules turn away, drawn again with the API's problem next to its field. The accounts are only asked for
 * their list, to draw the page again. Duplicates and a site's role are {@link UserPagesTest}'s.
 */
@WebMvcTest(UserPages.class)
@Import({ SecuredSlice.Rules.class, SecuredSlice.NoSiteTokens.class, PageSlice.class })
class UserPageRequestTest {

	@Autowired
	private MockMvc mvc;

	// the rules' user service, in place of the slice's none
	@MockitoBean
	private UserAccounts accounts;

	@BeforeEach
	void anAccount() {
		when(accounts.all()).thenReturn(List.of(new UserAccounts.Account("engineer1", Role.ENGINEER, true)));
	}

	@AfterEach
	void noAccountWasAddedNorChanged() {
		verifyNoMoreInteractions(accounts);
	}

	@Test
	void aNewAccountIsRefusedAtEachFieldWithWhatWasEnteredButThePassword() throws Exception {
		refused(post("/users").param("username", "").param("password", "short").param("role", "ENGINEER"))
			.andExpect(content().string(allOf(fieldError("username", "2-40 lower-case letters, digits, '.', '_' or '-'"),
					fieldError("password", "must be 10 to 200 characters"), not(containsString("id=\"role-error\"")),
					containsString("value=\"ENGINEER\" selected"), not(containsString("value=\"short\"")))));
		refused(post("/users").param("username", "Bad Name").param("password", "a-long-passphrase").param("role", "WIZARD"))
			.andExpect(content().string(allOf(fieldError("role", "'WIZARD' is not a valid value"),
					not(containsString("Failed to convert")), containsString("value=\"Bad Name\""),
					// a form that cannot be read is not validated further, as a request body the API cannot read
					not(containsString("id=\"username-error\"")))));
		refused(post("/users").param("username", "nobody").param("password", "a-long-passphrase"))
			.andExpect(content().string(fieldError("role", "must not be null")));
		verify(accounts, times(3)).all();
	}

	@Test
	void aRoleNotInTheListIsRefusedBeforeTheAccountIsChanged() throws Exception {
		for (String role : List.of("WIZARD", "")) {
			refused(post("/users/engineer1/role").param("role", role))
				.andExpect(content().string(containsString("role: &#39;" + role + "&#39; is not one of admin, engineer, producer, site")));
		}
		verify(accounts, times(2)).all();
	}

	/** Every field has a label naming it; a role's select in the list too, though the label is seen by readers only. */
	@Test
	void everyFieldOfThePageHasItsLabel() throws Exception {
		String page = mvc.perform(get("/users").with(user("admin1").roles(Role.ADMIN.name())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(PageSlice.unlabelledFields(page)).isEmpty();
		assertThat(PageSlice.fields(page)).as("the new account's three and engineer1's role").isEqualTo(4);
		verify(accounts).all();
	}

	@Test
	void onlyAnAdminWithTheFormsCsrfTokenReachesTheUsers() throws Exception {
		for (String path : List.of("/users", "/users/engineer1/role", "/users/engineer1/enabled")) {
			mvc.perform(form(path).with(user("admin1").roles(Role.ADMIN.name()))).andExpect(status().isForbidden());
			for (Role role : List.of(Role.ENGINEER, Role.PRODUCER)) {
				mvc.perform(form(path).with(user(role.name().toLowerCase() + "1").roles(role.name())).with(csrf()))
					.andExpect(status().isForbidden());
			}
			mvc.perform(form(path).with(csrf())).andExpect(status().isFound())
				.andExpect(redirectedUrl("http://localhost/login"));
		}
		mvc.perform(get("/users").with(user("engineer1").roles(Role.ENGINEER.name()))).andExpect(status().isForbidden());
	}

	// a good form, for every users' form: a new administrator, a role, disabling
	private static MockHttpServletRequestBuilder form(String path) {
		return post(path).param("username", "sneaky")
			.param("password", "a-long-passphrase")
			.param("role", "ADMIN")
			.param("enabled", "false");
	}

	// the reason next to its field, as fragments :: fieldError draws it (Thymeleaf escapes the quotes)
	private static Matcher<String> fieldError(String field, String reason) {
		return containsString("<p class=\"field-error\" id=\"" + field + "-error\">" + reason.replace("'", "&#39;") + "</p>");
	}

	/** The users page drawn again under 400 with the problem above it. */
	private ResultActions refused(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(user("admin1").roles(Role.ADMIN.name())).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("security/users"))
			.andExpect(content().string(allOf(containsString("id=\"problem\""), containsString("Invalid request"))));
	}

}
