package org.waveplan.propagation;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.waveplan.security.Role;
import org.waveplan.security.SecuredSlice;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a sunspot number request is refused for before the table is read or written: the real rules
 * ({@link SunspotNumbers}), security rules and problem handler, with the table a mock that must not be touched.
 * Storing and reading is {@link SunspotNumberApiTest}'s.
 */
@WebMvcTest(SunspotNumberController.class)
@Import({ SecuredSlice.class, SunspotNumbers.class })
class SunspotNumberRequestTest {

	private static final String MARCH = "/api/propagation/ssn/2026-03";

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private SunspotNumberRepository table;

	@Test
	void refusesAMonthThatIsNotYyyyMmWhateverTheMethod() throws Exception {
		for (String month : new String[] { "2026-13", "2026-1", "2026-00", "26-03", "2026-3-1", "march", "2026-03x" }) {
			String path = "/api/propagation/ssn/" + month;
			refused(engineer(put(path)), "{\"ssn\": 112.5}", "month")
				.andExpect(jsonPath("$.errors[0].reason").value("'" + month + "' is not a month: give yyyy-MM, e.g. 2026-03"));
			refused(engineer(get(path)), null, "month");
			refused(engineer(delete(path)), null, "month");
		}
		verifyNoInteractions(table);
	}

	@Test
	void refusesAMissingOrOutOfRangeNumberAtSsn() throws Exception {
		refused(engineer(put(MARCH)), "{}", "ssn")
			.andExpect(jsonPath("$.errors[0].reason").value("give the month's smoothed sunspot number, 0 to 300"));
		refused(engineer(put(MARCH)), "{\"ssn\": null}", "ssn");
		refused(engineer(put(MARCH)), "{\"ssn\": -0.1}", "ssn")
			.andExpect(jsonPath("$.detail").value("ssn: -0.1 is not a smoothed sunspot number: 0 to 300"));
		refused(engineer(put(MARCH)), "{\"ssn\": 300.1}", "ssn");
		// Jackson reads the string "NaN" as a number, which no comparison takes
		refused(engineer(put(MARCH)), "{\"ssn\": \"NaN\"}", "ssn");
		verifyNoInteractions(table);
	}

	@Test
	void refusesANumberThatIsNotOneAtSsn() throws Exception {
		for (String body : new String[] { "{\"ssn\": \"many\"}", "{\"ssn\": [112]}", "{\"ssn\": {\"value\": 112}}" }) {
			send(engineer(put(MARCH)), body).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.type").value("urn:waveplan:problem:unreadable-body"))
				.andExpect(jsonPath("$.field").value("ssn"));
		}
		send(engineer(put(MARCH)), "{\"sunspots\": 112}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("sunspots")));
		send(engineer(put(MARCH)), "").andExpect(status().isBadRequest());
		verifyNoInteractions(table);
	}

	@Test
	void onlyEngineersChangeTheTableAndOnlyKnownUsersReadIt() throws Exception {
		MockHttpServletRequestBuilder[] changes = { put(MARCH), delete(MARCH) };
		for (MockHttpServletRequestBuilder change : changes) {
			send(change.with(user("producer1").roles(Role.PRODUCER.name())), "{\"ssn\": 112.5}")
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.type").value("urn:waveplan:problem:forbidden"));
		}
		send(put(MARCH), "{\"ssn\": 112.5}").andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("urn:waveplan:problem:unauthorized"));
		mvc.perform(get("/api/propagation/ssn")).andExpect(status().isUnauthorized());
		mvc.perform(get(MARCH)).andExpect(status().isUnauthorized());
		mvc.perform(delete(MARCH)).andExpect(status().isUnauthorized());
		// a site's token or a role of no use here reads nothing either
		mvc.perform(get(MARCH).with(user("site").roles("SITE"))).andExpect(status().isForbidden());
		verifyNoInteractions(table);
		// producers read the table (with nothing in it)
		mvc.perform(get("/api/propagation/ssn").with(user("producer1").roles(Role.PRODUCER.name())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$").isEmpty());
	}

	private static MockHttpServletRequestBuilder engineer(MockHttpServletRequestBuilder request) {
		return request.with(user("engineer1").roles(Role.ENGINEER.name()));
	}

	private ResultActions refused(MockHttpServletRequestBuilder request, String body, String field) throws Exception {
		return send(request, body).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:waveplan:problem:invalid-request"))
			.andExpect(jsonPath("$.errors[0].field").value(field));
	}

	private ResultActions send(MockHttpServletRequestBuilder request, String body) throws Exception {
		return mvc.perform(body == null ? request : request.contentType(MediaType.APPLICATION_JSON).content(body));
	}

}
