package org.waveplan.schedule;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.waveplan.MutableClock;
import org.waveplan.schedule.SiteService.SiteView;
import org.waveplan.schedule.SiteService.TransmitterView;
import org.waveplan.schedule.Transmitter.Modulation;
import org.waveplan.security.Role;
import org.waveplan.security.SecuredSlice;
import org.waveplan.shared.ProblemException;
import org.waveplan.web.PageSlice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
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
 * What the slot and site pages refuse before the schedule is asked: a form the real binding, Bean Validation and
 * security rules turn away, drawn again as the form with the API's problem next to its field. Every call the
 * schedule gets is accounted for: a refused form only asks for the sites, to draw the form again. What the
 * schedule refuses is {@link SlotPagesTest}'s and {@link SitePagesTest}'s.
 */
@WebMvcTest({ SlotPages.class, SitePages.class })
@Import({ SecuredSlice.class, PageSlice.class, MutableClock.Config.class })
class SchedulePageRequestTest {

	private static final SiteView TAC = new SiteView("TAC", "Tashkent", 1, 41.3, 69.2,
			List.of(new TransmitterView("TX1", 3950, 26100, 100, 60, Modulation.AM_DSB)), List.of());

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private SlotService slots;

	@MockitoBean
	private SiteService sites;

	@MockitoBean
	private ClearChannelFinder finder;

	@MockitoBean
	private BandRanking bands;

	@MockitoBean
	private SlotReach reach;

	// the sites a form is drawn with: what the pages ask for whether or not the form is refused
	@BeforeEach
	void aSite() {
		when(sites.all()).thenReturn(List.of(TAC));
		when(sites.get("TAC")).thenReturn(TAC);
	}

	@AfterEach
	void theScheduleWasAskedNothingElse() {
		verifyNoMoreInteractions(slots, sites, finder);
	}

	@Test
	void anUnreadableValueIsRefusedAtItsFieldWithEverythingAsEntered() throws Exception {
		for (String path : List.of("/slots", "/slots/7")) {
			refused(post(path), form("frequencyKhz", "96 50", "azimuth", "north", "powerKw", "1e3", "validFrom", "2026-13-01"))
				.andExpect(content().string(allOf(fieldError("frequencyKhz", "'96 50' is not a valid value"),
						fieldError("azimuth", "'north' is not a valid value"), fieldError("powerKw", "'1e3' is not a valid value"),
						fieldError("validFrom", "'2026-13-01' is not a valid value"), containsString("value=\"96 50\""),
						containsString("value=\"TX2\""), containsString("value=\"2026-13-01\""),
						containsString("id=\"day-MONDAY\" value=\"MONDAY\" checked"))));
		}
		verify(sites, times(2)).all();
	}

	@Test
	void beanValidationNamesEveryMissingOrOutOfRangeFieldAsTheApiDoes() throws Exception {
		refused(post("/slots"), Map.of()).andExpect(content().string(allOf(fieldError("site", "must not be blank"),
				fieldError("transmitter", "must not be blank"), fieldError("frequencyKhz", "must not be null"),
				fieldError("start", "must not be blank"), fieldError("stop", "must not be blank"),
				fieldError("targets", "must not be blank"))));
		refused(post("/slots"), form("frequencyKhz", "-5", "azimuth", "360", "powerKw", "0", "language", "x".repeat(21),
				"program", "p".repeat(61)))
			.andExpect(content().string(allOf(fieldError("frequencyKhz", "must be greater than 0"),
					fieldError("azimuth", "must be less than or equal to 359"), fieldError("powerKw", "must be greater than 0"),
					fieldError("language", "size must be between 0 and 20"),
					fieldError("program", "size must be between 0 and 60"), containsString("value=\"360\""),
					not(containsString("id=\"site-error\"")))));
		verify(sites, times(2)).all();
	}

	/** The live check's refusal is its answer (200): the reasons as a list, and each beside its field (out of band). */
	@Test
	void theLiveCheckAnswersARefusalBeforeTheScheduleIsAsked() throws Exception {
		send(engineer(post("/slots/check")), form("frequencyKhz", "96 50", "azimuth", "360")).andExpect(status().isOk())
			.andExpect(view().name("schedule/slot-check :: check"))
			.andExpect(content().string(allOf(containsString("class=\"slot-check refused\""),
					containsString("<strong>Frequency (kHz)</strong>:"),
					containsString("<span>&#39;96 50&#39; is not a valid value</span>"),
					containsString("id=\"frequencyKhz-live\" hx-swap-oob=\"true\">&#39;96 50&#39; is not a valid value</p>"),
					// bean validation comes after the values are read, as in the API
					not(containsString("data-field=\"azimuth\"")),
					containsString("id=\"site-live\" hx-swap-oob=\"true\"></p>"))));
		send(engineer(post("/slots/check")), form("targets", " ", "azimuth", "360")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"targets-live\" hx-swap-oob=\"true\">must not be blank</p>"),
					containsString("id=\"azimuth-live\" hx-swap-oob=\"true\">must be less than or equal to 359</p>"))));
	}

	@Test
	void suggestionsRefuseATimeZonesOrPeriodTheFinderCouldNotUseBeforeItIsAsked() throws Exception {
		send(engineer(post("/slots/suggest")), form("start", "25:00", "targets", "44,,")).andExpect(status().isOk())
			.andExpect(view().name("schedule/slot-suggestions :: suggestions"))
			.andExpect(content().string(allOf(containsString("role=\"alert\">start: "), containsString("25:00"),
					containsString("targets: "), not(containsString("class=\"suggestion\"")))));
		send(engineer(post("/slots/suggest")), form("validFrom", "someday")).andExpect(status().isOk())
			.andExpect(content().string(containsString("validFrom: &#39;someday&#39; is not a valid value")));
		send(engineer(post("/slots/suggest")), form("validFrom", "2026-11-01", "validTo", "2026-10-31")).andExpect(status().isOk())
			.andExpect(content().string(containsString("2026-10-31 is before &#39;from&#39; 2026-11-01")));
	}

	/**
	 * The form reads numbers and dates; times, zones and the rule that a slot has a day are the service's, as in the
	 * API. No day ticked is none, not the API's default of every day.
	 */
	@Test
	void whatTheFormCannotJudgeGoesToTheServiceAsTypedAndItsRefusalIsShownAtTheField() throws Exception {
		when(slots.create(any())).thenThrow(ProblemException.invalid("start", "25:00 is not a time of day"));
		refused(post("/slots"), form("start", "25:00", "days", List.of()))
			.andExpect(content().string(allOf(fieldError("start", "25:00 is not a time of day"),
					containsString("value=\"25:00\""), not(containsString("value=\"MONDAY\" checked")))));
		verify(slots).create(argThat(request -> "25:00".equals(request.start()) && request.days().isEmpty()));
		verify(sites).all();
	}

	@Test
	void anUnreadableNumberOfEquipmentIsRefusedInItsOwnFormWithWhatWasEntered() throws Exception {
		refused(post("/sites/TAC/transmitters"), Map.of("name", "TX3", "minKhz", "lots", "maxKhz", "9900", "powerKw",
				"1e3", "retuneSeconds", "soon", "modulation", "FM"))
			.andExpect(view().name("schedule/site"))
			.andExpect(content().string(allOf(fieldError("minKhz", "'lots' is not a valid value"),
					fieldError("powerKw", "'1e3' is not a valid value"),
					fieldError("retuneSeconds", "'soon' is not a valid value"), containsString("value=\"TX3\""),
					containsString("value=\"lots\""),
					// a list to choose from, with no place for a reason beside it: the problem above the form names it
					containsString("modulation: &#39;FM&#39; is not a valid value"))));
		refused(post("/sites/TAC/antennas"), Map.of("name", "ANT-2", "azimuth", "NE", "minKhz", "5900", "maxKhz", "9,900"))
			.andExpect(content().string(allOf(fieldError("azimuth", "'NE' is not a valid value"),
					fieldError("maxKhz", "'9,900' is not a valid value"), containsString("value=\"ANT-2\""))));
		refused(post("/sites"), Map.of("code", "NEW", "name", "New site", "ituRegion", "one", "latitude", "35,1",
				"longitude", "129.0"))
			.andExpect(view().name("schedule/sites"))
			.andExpect(content().string(allOf(fieldError("ituRegion", "'one' is not a valid value"),
					fieldError("latitude", "'35,1' is not a valid value"), containsString("value=\"New site\""))));
		verify(sites, times(2)).get("TAC");
		verify(sites).all();
	}

	@Test
	void aFormWithoutItsCsrfTokenOrFromAProducerIs403AndAnUnknownUserLogsInFirst() throws Exception {
		for (String path : List.of("/slots", "/slots/7", "/slots/check", "/slots/suggest", "/slots/7/delete", "/sites",
				"/sites/TAC/transmitters", "/sites/TAC/antennas")) {
			send(post(path).with(user("engineer1").roles(Role.ENGINEER.name())), form()).andExpect(status().isForbidden());
			send(post(path).with(user("producer1").roles(Role.PRODUCER.name())).with(csrf()), form())
				.andExpect(status().isForbidden());
			send(post(path).with(csrf()), form()).andExpect(status().isFound())
				.andExpect(redirectedUrl("http://localhost/login"));
		}
		mvc.perform(get("/slots/new")).andExpect(status().isFound()).andExpect(redirectedUrl("http://localhost/login"));
	}

	/** Every field a person fills in has a label naming it, for screen readers and for a click on the label. */
	@Test
	void everyFieldOfTheFormsHasItsLabel() throws Exception {
		for (String path : List.of("/slots/new", "/sites", "/sites/TAC")) {
			String page = mvc.perform(get(path).with(user("engineer1").roles(Role.ENGINEER.name())))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(PageSlice.unlabelledFields(page)).as(path).isEmpty();
			assertThat(PageSlice.fields(page)).as("fields on %s", path).isGreaterThan(4);
		}
		verify(sites, times(2)).all();
		verify(sites).get("TAC");
	}

	/** The slot form as the page sends it: TX2 at TAC, every day ticked, with the given fields changed. */
	static Map<String, Object> form(Object... keysAndValues) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("site", "TAC");
		form.put("transmitter", "TX2");
		form.put("frequencyKhz", "9650");
		form.put("start", "13:00");
		form.put("stop", "14:00");
		form.put("days", Arrays.stream(DayOfWeek.values()).map(DayOfWeek::name).toList());
		form.put("validFrom", "");
		form.put("validTo", "");
		form.put("targets", "44");
		for (int i = 0; i < keysAndValues.length; i += 2) {
			form.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return form;
	}

	// the reason next to its field, as fragments :: fieldError draws it (Thymeleaf escapes the quotes)
	private static Matcher<String> fieldError(String field, String reason) {
		return containsString("<p class=\"field-error\" id=\"" + field + "-error\">" + reason.replace("'", "&#39;") + "</p>");
	}

	private static MockHttpServletRequestBuilder engineer(MockHttpServletRequestBuilder request) {
		return request.with(user("engineer1").roles(Role.ENGINEER.name())).with(csrf());
	}

	/** The form drawn again under 400 with the problem above it. */
	private ResultActions refused(MockHttpServletRequestBuilder request, Map<String, Object> form) throws Exception {
		return send(engineer(request), form).andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("id=\"problem\""), containsString("Invalid request"))));
	}

	private ResultActions send(MockHttpServletRequestBuilder request, Map<String, Object> form) throws Exception {
		// a list is one parameter per ticked box; none ticked sends nothing, as a browser does
		form.forEach((name, value) -> {
			List<?> values = value instanceof List<?> list ? list : List.of(value);
			values.forEach(v -> request.param(name, String.valueOf(v)));
		});
		return mvc.perform(request);
	}

}
