package org.waveplan.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.waveplan.schedule.SiteDirectory;
import org.waveplan.security.Role;
import org.waveplan.security.SecuredSlice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a delivery profile request is refused for on its own, before the site or its profile is looked up:
 * the real Bean Validation, the profile rules ({@link DeliveryProfiles}), the real security rules and problem handler. Whether
 * the site exists is {@link DeliveryProfileApiTest}'s.
 */
@WebMvcTest(DeliveryProfileController.class)
@Import({ SecuredSlice.class, DeliveryProfiles.class })
@RecordApplicationEvents
class DeliveryProfileRequestTest {

	private static final String TAC = "/api/sites/TAC/delivery-profile";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ObjectMapper json;

	@Autowired
	private ApplicationEvents events;

	@MockitoBean
	private DeliveryProfileRepository profiles;

	@MockitoBean
	private SiteDirectory sites;

	@AfterEach
	void nothingWasLookedUpStoredOrAnnounced() {
		verifyNoInteractions(profiles, sites);
		assertThat(events.stream(ProfileChanged.class)).isEmpty();
	}

	@Test
	void refusesWhatASiteCannotUse() throws Exception {
		refused(profile("codec", "vorbis"), "codec").andExpect(jsonPath("$.errors[0].reason")
			.value(containsString("mp3, aac-m4a, opus-ogg, flac, wav-pcm16")));
		refused(profile("channels", 2), "channels");
		refused(profile("codec", "opus-ogg", "bitrateKbps", 32, "sampleRate", 44100, "preset", "mw"), "sampleRate");
		refused(profile("preset", "fm"), "preset");
		refused(profile("bitrateKbps", null), "bitrateKbps");
		refused(profile("leadTime", "P8D"), "leadTime");
		// refused for what it is before the site is looked up
		send(engineer(put("/api/sites/XXX/delivery-profile")), profile("codec", "vorbis"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void namesEveryMissingOrOutOfRangeField() throws Exception {
		send(engineer(put(TAC)), Map.of()).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:waveplan:problem:invalid-request"))
			.andExpect(jsonPath("$.errors[*].field").value(hasItems("codec", "sampleRate", "channels", "preset")));
		send(engineer(put(TAC)), profile("bitrateKbps", 4, "sampleRate", 4000, "channels", 3, "targetLufs", -3,
				"truePeakCeilingDbtp", 1))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItems("bitrateKbps", "sampleRate", "channels", "targetLufs",
					"truePeakCeilingDbtp")));
		send(engineer(put(TAC)), "{\"codec\": \"mp3\", \"leadTime\": \"twelve hours\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("leadTime"));
	}

	@Test
	void onlyEngineersSetAProfileAndOnlyKnownUsersReadIt() throws Exception {
		send(put(TAC).with(user("producer").roles(Role.PRODUCER.name())), profile())
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("urn:waveplan:problem:forbidden"));
		mvc.perform(get(TAC)).andExpect(status().isUnauthorized());
	}

	/** A good AM profile, with the given fields changed (a null value leaves the field out). */
	private static Map<String, Object> profile(Object... keysAndValues) {
		Map<String, Object> profile = new LinkedHashMap<>(
				Map.of("codec", "mp3", "bitrateKbps", 64, "sampleRate", 22050, "channels", 1, "preset", "am-sw"));
		for (int i = 0; i < keysAndValues.length; i += 2) {
			profile.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		profile.values().removeIf(java.util.Objects::isNull);
		return profile;
	}

	private static MockHttpServletRequestBuilder engineer(MockHttpServletRequestBuilder request) {
		return request.with(user("engineer").roles(Role.ENGINEER.name()));
	}

	private ResultActions refused(Map<String, Object> profile, String field) throws Exception {
		return send(engineer(put(TAC)), profile).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:waveplan:problem:invalid-request"))
			.andExpect(jsonPath("$.errors[0].field").value(field));
	}

	private ResultActions send(MockHttpServletRequestBuilder request, Object body) throws Exception {
		String content = body instanceof String text ? text : json.writeValueAsString(body);
		return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(content));
	}

}
