package org.waveplan.schedule;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.waveplan.MutableClock;
import org.waveplan.security.Role;
import org.waveplan.security.SecuredSlice;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.waveplan.Fixtures.slot;
import static org.waveplan.Fixtures.with;

/**
 * What the slot and site API refuse before the schedule is asked: a request the real Bean Validation, JSON
 * reading or security rules turn away, answered by the real problem handler. The rules that need the schedule
 * (sites, times, targets, collisions, bands) are {@link SlotApiTest}'s.
 */
@WebMvcTest({ SlotController.class, SiteController.class })
@Import({ SecuredSlice.class, MutableClock.Config.class })
class ScheduleRequestTest {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ObjectMapper json;

	@MockitoBean
	private SlotService slots;

	@MockitoBean
	private SiteService sites;

	@AfterEach
	void theScheduleWasNeverAsked() {
		verifyNoInteractions(slots, sites);
	}

	@Test
	void namesEveryMissingOrOutOfRangeField() throws Exception {
		for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] { post("/api/slots"),
				post("/api/slots/check"), put("/api/slots/7") }) {
			invalid(as(Role.ENGINEER, request), "{}").andExpect(jsonPath("$.errors[*].field")
				.value(hasItems("site", "transmitter", "frequencyKhz", "start", "stop", "targets")));
		}
		invalid(as(Role.ENGINEER, post("/api/slots")), with(slot("TAC", "TX1", -5, "20:00", "21:00"), "azimuth", 360,
				"powerKw", 0, "language", "x".repeat(21), "program", "p".repeat(61)))
			.andExpect(jsonPath("$.errors[*].field")
				.value(hasItems("frequencyKhz", "azimuth", "powerKw", "language", "program")))
			.andExpect(jsonPath("$.errors[?(@.field == 'azimuth')].reason").value(hasItem(containsString("359"))));
	}

	@Test
	void namesEveryBadFieldOfASiteItsTransmittersAndAntennas() throws Exception {
		invalid(as(Role.ENGINEER, post("/api/sites")),
				Map.of("code", "tac", "name", " ", "ituRegion", 4, "latitude", 91, "longitude", -181))
			.andExpect(jsonPath("$.errors[*].field")
				.value(hasItems("code", "name", "ituRegion", "latitude", "longitude")))
			.andExpect(jsonPath("$.errors[?(@.field == 'code')].reason").value(hasItem(containsString("three capital"))));
		invalid(as(Role.ENGINEER, post("/api/sites/TAC/transmitters")),
				Map.of("name", "x".repeat(41), "minKhz", 0, "powerKw", -1, "retuneSeconds", -1))
			.andExpect(jsonPath("$.errors[*].field")
				.value(hasItems("name", "minKhz", "maxKhz", "powerKw", "retuneSeconds")));
		invalid(as(Role.ENGINEER, post("/api/sites/TAC/antennas")), Map.of("name", "A1", "azimuth", -1, "minKhz", 0))
			.andExpect(jsonPath("$.errors[*].field").value(hasItems("azimuth", "minKhz", "maxKhz")));
		send(as(Role.ENGINEER, post("/api/sites/TAC/transmitters")),
				"{\"name\": \"TX1\", \"minKhz\": 3950, \"maxKhz\": 21850, \"powerKw\": 100, \"modulation\": \"FM\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("modulation"));
	}

	@Test
	void namesTheFieldOrPlaceJsonCannotRead() throws Exception {
		send(as(Role.ENGINEER, post("/api/slots")), "{\"site\": \"TAC\", \"days\": [\"FUNDAY\"]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:waveplan:problem:unreadable-body"))
			.andExpect(jsonPath("$.field").value("days[0]"));
		send(as(Role.ENGINEER, post("/api/slots")), "{\"site\": ").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.line").value(1));
	}

	@Test
	void namesABadIdOrDate() throws Exception {
		mvc.perform(as(Role.ENGINEER, get("/api/slots/seven")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("id"));
		mvc.perform(as(Role.ENGINEER, get("/api/slots").param("from", "2026-13-01")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
	}

	@Test
	void producersMayNotChangeTheScheduleNorAnyoneUnknownReadIt() throws Exception {
		Map<String, Object> good = slot("TAC", "TX1", 7345, "20:00", "21:00");
		for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] { post("/api/slots"),
				post("/api/slots/check"), put("/api/slots/7") }) {
			send(as(Role.PRODUCER, request), good).andExpect(status().isForbidden())
				.andExpect(jsonPath("$.type").value("urn:waveplan:problem:forbidden"));
		}
		mvc.perform(as(Role.PRODUCER, delete("/api/slots/7"))).andExpect(status().isForbidden());
		send(as(Role.PRODUCER, post("/api/sites")),
				Map.of("code", "TAC", "name", "Tashkent", "ituRegion", 1, "latitude", 41.3, "longitude", 69.2))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/slots"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Basic")))
			.andExpect(jsonPath("$.type").value("urn:waveplan:problem:unauthorized"));
		send(post("/api/slots"), good).andExpect(status().isUnauthorized());
	}

	private static MockHttpServletRequestBuilder as(Role role, MockHttpServletRequestBuilder request) {
		return request.with(user(role.name().toLowerCase()).roles(role.name()));
	}

	private ResultActions invalid(MockHttpServletRequestBuilder request, Object body) throws Exception {
		return send(request, body).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:waveplan:problem:invalid-request"));
	}

	private ResultActions send(MockHttpServletRequestBuilder request, Object body) throws Exception {
		String content = body instanceof String text ? text : json.writeValueAsString(body);
		return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(content));
	}

}
