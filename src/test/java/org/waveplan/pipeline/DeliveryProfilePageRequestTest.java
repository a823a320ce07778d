package org.waveplan.pipeline;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.hamcrest.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.waveplan.audio.Codec;
import org.waveplan.audio.Preset;
import org.waveplan.schedule.SiteDirectory;
import org.waveplan.security.Role;
import org.waveplan.security.SecuredSlice;
import org.waveplan.web.PageSlice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * What a site's delivery profile form refuses before a profile is stored or an ident taken: the real binding, Bean
 * Validation, profile rules ({@link DeliveryProfiles}) and security rules, the refusal drawn as the form with the
 * API's problem next to its field. The site and its profile are only looked up, to draw the form. Setting a profile
 * is {@link DeliveryProfilePagesTest}'s.
 */
@WebMvcTest(DeliveryProfilePages.class)
@Import({ SecuredSlice.class, PageSlice.class, DeliveryProfiles.class })
@RecordApplicationEvents
class DeliveryProfilePageRequestTest {

	private static final String TAC = "/sites/TAC/profile";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationEvents events;

	@MockitoBean
	private DeliveryProfileRepository profiles;

	@MockitoBean
	private SiteDirectory sites;

	@MockitoBean
	private SiteIdents idents;

	// TAC with a profile, which the form is drawn with whether or not it is refused
	@BeforeEach
	void aSiteWithAProfile() {
		DeliveryProfile profile = new DeliveryProfile("TAC");
		profile.apply(new DeliveryProfileSpec(Codec.MP3, 64, 22050, 1, -23, -1, Duration.ofHours(12), Preset.AM_SW));
		when(sites.exists("TAC")).thenReturn(true);
		when(profiles.findBySite("TAC")).thenReturn(Optional.of(profile));
	}

	@AfterEach
	void nothingWasStoredAnnouncedOrTaken() {
		verify(profiles, never()).save(any());
		verifyNoInteractions(idents);
		assertThat(events.stream(ProfileChanged.class)).isEmpty();
	}

	@Test
	void refusesWhatASiteCannotUseAtItsFieldWithWhatWasEntered() throws Exception {
		refused(profile("codec", "vorbis", "bitrateKbps", "96"))
			.andExpect(content().string(allOf(
					fieldError("codec", "'vorbis' is not one of mp3, aac-m4a, opus-ogg, flac, wav-pcm16"),
					containsString("value=\"96\""))));
		refused(profile("channels", "2")).andExpect(content().string(
				fieldError("channels", "AM transmitters take mono: the am-sw preset needs channels 1")));
		refused(profile("preset", "fm")).andExpect(content().string(fieldError("preset", "'fm' is not one of am-sw, mw, none")));
		refused(profile("leadTime", "P8D")).andExpect(content().string(allOf(
				fieldError("leadTime", "must be between PT0S and P7D"), containsString("value=\"PT192H\""))));
	}

	@Test
	void namesEveryMissingOrOutOfRangeFieldAsTheApiDoes() throws Exception {
		refused(post(TAC)).andExpect(content().string(allOf(fieldError("codec", "must not be blank"),
				fieldError("sampleRate", "must not be null"), fieldError("channels", "must not be null"),
				fieldError("preset", "must not be blank"))));
		refused(profile("bitrateKbps", "4", "sampleRate", "4000", "channels", "3", "targetLufs", "-3",
				"truePeakCeilingDbtp", "1"))
			.andExpect(content().string(allOf(fieldError("bitrateKbps", "must be greater than or equal to 8"),
					fieldError("sampleRate", "must be greater than or equal to 8000"),
					fieldError("channels", "must be less than or equal to 2"),
					fieldError("targetLufs", "must be less than or equal to -5"),
					fieldError("truePeakCeilingDbtp", "must be less than or equal to 0"), containsString("value=\"4000\""))));
	}

	@Test
	void namesAValueThatIsNotANumberOrDurationAsTheApiDoes() throws Exception {
		refused(profile("bitrateKbps", "64k", "targetLufs", "-23,5", "leadTime", "twelve hours"))
			.andExpect(content().string(allOf(fieldError("bitrateKbps", "'64k' is not a valid value"),
					fieldError("targetLufs", "'-23,5' is not a valid value"),
					fieldError("leadTime", "'twelve hours' is not a valid value"), not(containsString("Failed to convert")))));
	}

	/** The site's page loads the form with htmx and gets the refusal as the part alone, to swap in its place. */
	@Test
	void anHtmxFormIsRefusedAsThePartAlone() throws Exception {
		mvc.perform(engineer(profile("codec", "vorbis")).header("HX-Request", "true"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("pipeline/profile :: profile"))
			.andExpect(content().string(allOf(containsString("<section class=\"site-profile-part\""),
					containsString("id=\"codec-error\""), not(containsString("<header")))));
	}

	@Test
	void anIdentWithoutAFileIsRefusedAtTheFileField() throws Exception {
		mvc.perform(engineer(multipart("/sites/TAC/ident")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("id=\"problem\""), fieldError("file", "choose an audio file"))));
	}

	@Test
	void everyFieldOfThePartHasItsLabel() throws Exception {
		String part = mvc.perform(engineer(get(TAC)).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(PageSlice.unlabelledFields(part)).isEmpty();
		assertThat(PageSlice.fields(part)).as("the profile's eight and the ident's file").isEqualTo(9);
	}

	@Test
	void onlyAnEngineerWithTheFormsCsrfTokenChangesAProfile() throws Exception {
		for (String path : new String[] { TAC, "/sites/TAC/ident", "/sites/TAC/ident/remove" }) {
			mvc.perform(post(path).with(user("engineer1").roles(Role.ENGINEER.name()))).andExpect(status().isForbidden());
			mvc.perform(post(path).with(user("producer1").roles(Role.PRODUCER.name())).with(csrf()))
				.andExpect(status().isForbidden());
			mvc.perform(post(path).with(csrf())).andExpect(status().isFound())
				.andExpect(redirectedUrl("http://localhost/login"));
		}
		mvc.perform(get(TAC)).andExpect(status().isFound()).andExpect(redirectedUrl("http://localhost/login"));
	}

	/** A good AM profile as the form sends it, with the given fields changed. */
	private static MockHttpServletRequestBuilder profile(String... namesAndValues) {
		Map<String, String> form = new LinkedHashMap<>(Map.of("codec", "MP3", "bitrateKbps", "64", "sampleRate", "22050",
				"channels", "1", "targetLufs", "-23", "truePeakCeilingDbtp", "-1", "leadTime", "PT12H", "preset", "am-sw"));
		for (int i = 0; i < namesAndValues.length; i += 2) {
			form.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		MockHttpServletRequestBuilder request = post(TAC);
		form.forEach(request::param);
		return request;
	}

	// the reason next to its field, as fragments :: fieldError draws it (Thymeleaf escapes the quotes)
	private static Matcher<String> fieldError(String field, String reason) {
		return containsString("<p class=\"field-error\" id=\"" + field + "-error\">" + reason.replace("'", "&#39;") + "</p>");
	}

	private static MockHttpServletRequestBuilder engineer(MockHttpServletRequestBuilder request) {
		return request.with(user("engineer1").roles(Role.ENGINEER.name())).with(csrf().asHeader());
	}

	/** The form drawn again under 400 with the problem above it. */
	private ResultActions refused(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(engineer(request))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("id=\"problem\""), containsString("Invalid request"))));
	}

}
