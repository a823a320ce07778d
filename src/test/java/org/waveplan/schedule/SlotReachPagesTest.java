package org.waveplan.schedule;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * A slot's reach on its page over real HTTP: the band x hour picture from the same ranking as
 * {@code /api/frequencies/bands}, the suggestions' REL column ranked as {@code rankBy=reliability}, and what a month
 * without a sunspot number shows. Tashkent (the fixtures' site) to CIRAF zone 44, the real engine.
 */
@Import(MutableClock.Config.class)
class SlotReachPagesTest extends ApiTest {

	private static final Pattern BAND_ROW = Pattern.compile("<g class=\"band-row( own)?\" data-band=\"(\\w+)\">");

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	private long slot;

	@BeforeEach
	void aSlotInJulyWithItsSunspotNumber() {
		clock.set(Instant.parse("2026-10-20T12:00:00Z"));
		jdbc.update("delete from sunspot_number");
		fixtures().site("TAC", 1, "TX1", "TX2");
		// A26: its middle month is July
		slot = fixtures().createSlot(slot("TAC", "TX1", 9650, "13:00", "14:00"));
		assertThat(put(engineer(), "/api/propagation/ssn/2026-07", Map.of("ssn", 110)).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
	}

	@Test
	void aProducerSeesTheTargetsBandByHourPictureInTheApisOrderWithTheSlotsHoursAndBandMarked() throws Exception {
		HttpResponse<String> page = SlotPagesTest.loggedIn(port, Role.PRODUCER).get("/slots/" + slot);
		assertThat(page.statusCode()).isEqualTo(200);
		String body = page.body();

		JsonNode ranked = get(producer(), "/api/frequencies/bands?site=TAC&transmitter=TX1&targets=44&start=13:00"
				+ "&stop=14:00&month=2026-07").getBody();
		List<String> apiOrder = ranked.get("bands").findValuesAsText("band");
		assertThat(apiOrder).hasSize(12);
		List<String> rows = new ArrayList<>();
		List<String> own = new ArrayList<>();
		Matcher row = BAND_ROW.matcher(body);
		while (row.find()) {
			rows.add(row.group(2));
			if (row.group(1) != null) {
				own.add(row.group(2));
			}
		}
		assertThat(rows).as("one row per band, as the API ranks them").isEqualTo(apiOrder);
		assertThat(own).as("the slot's band marked").containsExactly("31m");
		assertThat(body).contains("<svg class=\"slot-reach-picture\"", "data-bands=\"12\"", "role=\"img\"",
				"Predicted reliability at the targets by band and UTC hour, 2026-07, sunspot number 110");
		assertThat(count(body, "<rect class=\"cell\"")).as("24 hours a band").isEqualTo(12 * 24);
		// each cell its REL, worst point, MUF and FOT in its title; the best band's own figure at the right
		assertThat(body).containsPattern("<title>31m \\(9\\.65 MHz\\), 13 UTC: REL [01]\\.\\d\\d \\(worst point [01]\\.\\d\\d\\); "
				+ "MUF \\d+\\.\\d MHz, FOT \\d+\\.\\d MHz</title>");
		assertThat(body).contains(String.format("%s over the slot&#39;s hours: REL %.2f", apiOrder.get(0),
				ranked.at("/bands/0/medianReliability").asDouble()));
		// the slot's hour outlined: 13 UTC, one hour wide
		assertThat(body).containsPattern("<rect class=\"on-air\" x=\"" + ReachPicture.x(13) + "\" y=\"\\d+\" width=\""
				+ ReachPicture.HOUR_WIDTH + "\"");
		assertThat(body).contains("13 UTC: MUF ", "Reliability (REL) scale", "0.9-1.0");
		// the slot's own figure as text, the API's reach
		JsonNode reach = get(engineer(), "/api/slots/" + slot).getBody().get("reach");
		assertThat(body).contains(String.format("reliability %.2f, the worst point&#39;s %.2f; 2026-07, sunspot number 110",
				reach.get("medianReliability").asDouble(), reach.get("worstReliability").asDouble()));
	}

	@Test
	void aWeakSlotSaysSoInKoreanToo() throws Exception {
		// 13 m at midnight in July: nobody hears it
		long weak = fixtures().createSlot(slot("TAC", "TX2", 21650, "23:00", "01:00"));
		Browser korean = SlotPagesTest.loggedIn(port, Role.ENGINEER);
		HttpResponse<String> page = korean.get("/slots/" + weak, "Accept-Language", "ko");
		assertThat(page.body()).contains("약함: 중앙값 시험점이", "목표 지역 도달도", "신뢰도(REL) 척도",
				"<g class=\"band-row own\" data-band=\"13m\">");
		// over midnight: two outlines, 23 UTC and 00 UTC
		assertThat(count(page.body(), "<rect class=\"on-air\"")).isEqualTo(2);
	}

	@Test
	void withoutTheMonthsSunspotNumberThePageSaysWhereToSetItAndSuggestsByCollisions() throws Exception {
		jdbc.update("delete from sunspot_number");
		Browser engineer = SlotPagesTest.loggedIn(port, Role.ENGINEER);
		HttpResponse<String> page = engineer.get("/slots/" + slot);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("there is no sunspot number for 2026-07",
				"<code>PUT /api/propagation/ssn/2026-07</code>", "not checked: no sunspot number for 2026-07")
			.doesNotContain("<svg class=\"slot-reach-picture\"");

		HttpResponse<String> suggestions = engineer.post("/slots/suggest",
				form(Browser.csrf(page.body()), "band", "31m", "validFrom", "2026-03-29", "validTo", "2026-10-25"));
		assertThat(suggestions.body()).contains("Ranked by adjacent collisions: there is no sunspot number for 2026-07")
			.doesNotContain(">REL<");
		assertThat(SlotPagesTest.channels(suggestions.body())).hasSize(10).startsWith(9400, 9405);
	}

	@Test
	void theSuggestionsCarryRelAndSnrRankedAsTheApiRanksThemByReliability() throws Exception {
		Browser engineer = SlotPagesTest.loggedIn(port, Role.ENGINEER);
		String token = Browser.csrf(engineer.get("/slots/new").body());
		HttpResponse<String> suggestions = engineer.post("/slots/suggest",
				form(token, "band", "31m", "validFrom", "2026-03-29", "validTo", "2026-10-25"));
		assertThat(suggestions.statusCode()).isEqualTo(200);
		String body = suggestions.body();
		assertThat(body).contains("Ranked by the targets&#39; predicted reliability for 2026-07", "on the month&#39;s days", ">REL</th>",
				">SNR (dB-Hz)</th>");

		JsonNode api = get(engineer(), "/api/frequencies/clear?site=TAC&transmitter=TX2&start=13:00&stop=14:00"
				+ "&targets=44&bands=31m&from=2026-03-29&to=2026-10-25&rankBy=reliability").getBody();
		List<Integer> apiChannels = new ArrayList<>();
		List<String> apiRel = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			apiChannels.add(api.at("/clear/" + i + "/frequencyKhz").asInt());
			apiRel.add(String.format("%.2f", api.at("/clear/" + i + "/reliability").asDouble()));
		}
		assertThat(SlotPagesTest.channels(body)).as("the API's ten best, in its order").isEqualTo(apiChannels);
		Matcher rel = Pattern.compile("<td class=\"rel\" data-label=\"REL\">([-\\d.]+)</td>").matcher(body);
		assertThat(rel.results().map(m -> m.group(1)).toList()).isEqualTo(apiRel);
		assertThat(count(body, "<td class=\"snr\" data-label=\"SNR (dB-Hz)\">")).isEqualTo(10);
	}

	@Test
	void theLiveCheckOfANewSlotDrawsItsPictureInPlaceOfThePagesOwn() throws Exception {
		Browser engineer = SlotPagesTest.loggedIn(port, Role.ENGINEER);
		HttpResponse<String> blank = engineer.get("/slots/new");
		assertThat(blank.body()).contains("<section id=\"slot-reach\"", "Once a site, transmitter, times and targets are chosen")
			.doesNotContain("<svg class=\"slot-reach-picture\"");
		HttpResponse<String> check = engineer.post("/slots/check",
				form(Browser.csrf(blank.body()), "frequencyKhz", "9400", "validFrom", "2026-03-29", "validTo", "2026-10-25"));
		assertThat(check.body()).contains("No conflicts and no collisions.", "hx-swap-oob=\"true\"",
				"<svg class=\"slot-reach-picture\"", "<g class=\"band-row own\" data-band=\"31m\">");
		assertThat(count(check.body(), "<rect class=\"cell\"")).isEqualTo(12 * 24);
		// a refused check leaves the picture as it was
		assertThat(engineer.post("/slots/check", form(Browser.csrf(blank.body()), "start", "25:00")).body())
			.doesNotContain("slot-reach");
	}

	private static Map<String, Object> form(String token, Object... keysAndValues) {
		Map<String, Object> form = SchedulePageRequestTest.form(keysAndValues);
		form.putIfAbsent("language", "kor");
		form.put("_csrf", token);
		return form;
	}

	private static int count(String body, String text) {
		return body.split(Pattern.quote(text), -1).length - 1;
	}

}
