package org.waveplan.schedule;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.waveplan.ApiTest;
import org.waveplan.MutableClock;
import org.waveplan.security.Role;
import org.waveplan.web.Browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waveplan.Fixtures.slot;

/** The slot form over real HTTP: the live check, the suggestions, saving, changing and deleting as the API does. */
@Import(MutableClock.Config.class)
class SlotPagesTest extends ApiTest {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	private long busy;

	@BeforeEach
	void aBusyChannel() {
		clock.set(Instant.parse("2026-10-20T12:00:00Z"));
		// no month's sunspot number (another test's may be left): the suggestions rank by collisions
		jdbc.update("delete from sunspot_number");
		fixtures().site("TAC", 1, "TX1", "TX2");
		busy = fixtures().createSlot(slot("TAC", "TX1", 9650, "13:00", "14:00"));
	}

	static Browser loggedIn(int port, Role role) throws Exception {
		String user = role.name().toLowerCase() + "1";
		return new Browser(port).loggedIn(user, user + PASSWORD_SUFFIX);
	}

	/** The form as the page would send it: TX2 at the busy slot's time, every day, A26 (today's season). */
	private static Map<String, Object> form(String token, Object... keysAndValues) {
		Map<String, Object> form = SchedulePageRequestTest.form(keysAndValues);
		form.putIfAbsent("language", "kor");
		form.put("_csrf", token);
		return form;
	}

	private int storedSlots() {
		return jdbc.queryForObject("select count(*) from slot", Integer.class);
	}

	@Test
	void theLiveCheckAnswersACollisionForABusyChannelAndAFieldErrorForAFrequencyOutsideTheBand() throws Exception {
		Browser engineer = loggedIn(port, Role.ENGINEER);
		HttpResponse<String> page = engineer.get("/slots/new?site=TAC");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<option value=\"TAC\" selected=\"selected\">", "id=\"frequencyKhz-live\"","hx-post=\"/slots/check\"", "id=\"live-check\"", "<label for=\"frequencyKhz\"",
				"/js/slot-form.js");
		String token = Browser.csrf(page.body());

		HttpResponse<String> busyChannel = engineer.post("/slots/check", form(token));
		assertThat(busyChannel.statusCode()).isEqualTo(200);
		assertThat(busyChannel.body()).contains("Collisions (1)", "Same channel", "href=\"/slots/" + busy + "\"",
				"slot " + busy, "same channel as").doesNotContain("<html");

		HttpResponse<String> outside = engineer.post("/slots/check", form(token, "frequencyKhz", "15000"));
		assertThat(outside.statusCode()).isEqualTo(200);
		assertThat(outside.body()).contains("Saving would be refused", "data-field=\"frequencyKhz\"",
				"15000 kHz is outside every broadcasting band allocated in ITU Region 1");
		// beside the field too (htmx swaps it there out of band), the other fields' places emptied
		assertThat(outside.body()).contains("<p class=\"field-error live\" id=\"frequencyKhz-live\" hx-swap-oob=\"true\">"
				+ "15000 kHz is outside every broadcasting band", "<p class=\"field-error live\" id=\"start-live\" hx-swap-oob=\"true\"></p>");

		// the busy slot's own transmitter at that time: a hard conflict, named with the slot it clashes with
		HttpResponse<String> doubleBooked = engineer.post("/slots/check",
				form(token, "transmitter", "TX1", "frequencyKhz", "9400"));
		assertThat(doubleBooked.body()).contains("Saving would be refused", "Transmitter double-booked",
				"href=\"/slots/" + busy + "\"", "transmitter is already on the air");

		// a clear channel, and the busy slot checked as itself does not clash with itself
		assertThat(engineer.post("/slots/check", form(token, "frequencyKhz", "9400")).body())
			.contains("No conflicts and no collisions.", "9400 kHz is in the 31m band.");
		assertThat(engineer.post("/slots/check", form(token, "id", String.valueOf(busy), "transmitter", "TX1")).body())
			.contains("No conflicts and no collisions.");
		assertThat(storedSlots()).as("a check stores nothing").isEqualTo(1);
	}

	@Test
	void suggestGivesTheTenBestClearChannelsOfTheBand() throws Exception {
		Browser engineer = loggedIn(port, Role.ENGINEER);
		String token = Browser.csrf(engineer.get("/slots/new").body());
		HttpResponse<String> suggestions = engineer.post("/slots/suggest", form(token, "band", "31m"));
		assertThat(suggestions.statusCode()).isEqualTo(200);
		List<Integer> channels = channels(suggestions.body());
		// the busy channel is left out, its neighbours (adjacent collisions) come after the clear ones
		assertThat(channels).hasSize(10)
			.containsExactly(9400, 9405, 9410, 9415, 9420, 9425, 9430, 9435, 9440, 9445);

		assertThat(engineer.post("/slots/suggest", form(token, "band", "31m", "start", "25:00")).body())
			.contains("is not a UTC time HH:MM");
	}

	static List<Integer> channels(String body) {
		Matcher khz = Pattern.compile("data-khz=\"(\\d+)\"").matcher(body);
		return khz.results().map(m -> Integer.parseInt(m.group(1))).toList();
	}

	@Test
	void theFormSavesChangesAndDeletesASlotThroughTheSameServiceAsTheApi() throws Exception {
		Browser engineer = loggedIn(port, Role.ENGINEER);
		String token = Browser.csrf(engineer.get("/slots/new").body());

		HttpResponse<String> saved = engineer.post("/slots", form(token, "frequencyKhz", "9400"));
		assertThat(saved.statusCode()).isEqualTo(302);
		String location = saved.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(get(engineer(), "/api/slots/" + id).getBody().get("frequencyKhz").asInt()).isEqualTo(9400);
		assertThat(get(engineer(), "/api/slots/" + id).getBody().get("transmitter").asText()).isEqualTo("TX2");

		HttpResponse<String> page = engineer.get("/slots/" + id);
		assertThat(page.body()).contains("The slot is saved.", "value=\"9400\"", "action=\"/slots/" + id + "\"",
				"href=\"/slots/" + id + "/delete\"");

		HttpResponse<String> changed = engineer.post("/slots/" + id,
				form(Browser.csrf(page.body()), "frequencyKhz", "9410", "days", List.of("SATURDAY", "SUNDAY")));
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(get(engineer(), "/api/slots/" + id).getBody().get("frequencyKhz").asInt()).isEqualTo(9410);
		assertThat(get(engineer(), "/api/slots/" + id).getBody().get("days").toString())
			.isEqualTo("[\"SATURDAY\",\"SUNDAY\"]");
		assertThat(engineer.get("/slots/" + id).body()).contains("The changes are saved.", "value=\"9410\"");

		HttpResponse<String> confirm = engineer.get("/slots/" + id + "/delete");
		assertThat(confirm.body()).contains("Delete slot " + id, "9410 kHz", "Delete for good")
			.doesNotContain("Only engineers delete slots");
		assertThat(storedSlots()).as("asking is not deleting").isEqualTo(2);
		HttpResponse<String> deleted = engineer.post("/slots/" + id + "/delete",
				Map.of("_csrf", Browser.csrf(confirm.body())));
		assertThat(deleted.statusCode()).isEqualTo(302);
		assertThat(get(engineer(), "/api/slots/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(engineer.get("/slots/" + id).statusCode()).isEqualTo(404);
		assertThat(engineer.get("/slots/not-a-number", "Accept", "text/html").statusCode()).isEqualTo(404);
	}

	@Test
	void aRefusedSaveShowsTheReasonNextToItsFieldWithWhatWasEntered() throws Exception {
		Browser engineer = loggedIn(port, Role.ENGINEER);
		String token = Browser.csrf(engineer.get("/slots/new").body());

		HttpResponse<String> outside = engineer.post("/slots", form(token, "frequencyKhz", "15000", "targets", "44,45"));
		assertThat(outside.statusCode()).isEqualTo(400);
		assertThat(outside.body()).contains("id=\"frequencyKhz-error\"",
				"15000 kHz is outside every broadcasting band allocated in ITU Region 1", "value=\"15000\"",
				"value=\"44,45\"", "Invalid request");

		HttpResponse<String> unreadable = engineer.post("/slots", form(token, "frequencyKhz", "96 50", "days", List.of()));
		assertThat(unreadable.statusCode()).isEqualTo(400);
		assertThat(unreadable.body()).contains("id=\"frequencyKhz-error\"", "&#39;96 50&#39; is not a valid value");
		HttpResponse<String> noDays = engineer.post("/slots", form(token, "frequencyKhz", "9400", "days", List.of()));
		assertThat(noDays.body()).contains("id=\"days-error\"", "at least one day of the week is needed");

		HttpResponse<String> doubleBooked = engineer.post("/slots", form(token, "transmitter", "TX1", "frequencyKhz", "9400"));
		assertThat(doubleBooked.statusCode()).isEqualTo(409);
		assertThat(doubleBooked.body()).contains("Schedule conflict", "transmitter is already on the air");
		assertThat(storedSlots()).as("nothing refused is stored").isEqualTo(1);
	}

	@Test
	void aProducerMayLookButNotPost() throws Exception {
		Browser producer = loggedIn(port, Role.PRODUCER);
		HttpResponse<String> page = producer.get("/slots/" + busy);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("value=\"9650\"", "disabled").doesNotContain("hx-post", "id=\"save\"");
		String token = Browser.csrf(page.body());
		assertThat(producer.post("/slots", form(token, "frequencyKhz", "9400")).statusCode()).isEqualTo(403);
		assertThat(producer.post("/slots/" + busy, form(token, "frequencyKhz", "9400")).statusCode()).isEqualTo(403);
		// the confirm step is read-only for a producer: no button that would answer 403
		HttpResponse<String> confirm = producer.get("/slots/" + busy + "/delete");
		assertThat(confirm.statusCode()).isEqualTo(200);
		assertThat(confirm.body()).contains("9650 kHz", "Only engineers delete slots", "href=\"/slots/" + busy + "\"")
			.doesNotContain("Delete for good", "id=\"confirm-delete\"", "action=\"/slots/" + busy + "/delete\"");
		assertThat(producer.post("/slots/" + busy + "/delete", Map.of("_csrf", token)).statusCode()).isEqualTo(403);
		assertThat(producer.post("/slots/check", form(token)).statusCode()).isEqualTo(403);
		assertThat(producer.post("/slots/suggest", form(token)).statusCode()).isEqualTo(403);
		assertThat(storedSlots()).isEqualTo(1);
		assertThat(get(engineer(), "/api/slots/" + busy).getBody().get("frequencyKhz").asInt()).isEqualTo(9650);
	}

}
