package org.waveplan.schedule;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.waveplan.ApiTest;
import org.waveplan.Fixtures;
import org.waveplan.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the engineer meets the predictions: bands ranked, clear channels ranked, weak slots told. Through real HTTP,
 * H2 and the real engine, from Tashkent (where the fixtures put a site) to CIRAF zone 44 (19 test points, Korea and
 * eastern China). The expectations marked "method 30" hold for VOACAP's physics (voacapl's figures for Tashkent to
 * Pyongyang at 250 kW are quoted), not for a stand-in of it.
 */
class PropagationRankingApiTest extends ApiTest {

	@Autowired
	private SlotReach reach;

	@Autowired
	private ConflictCounts conflicts;

	@Autowired
	private ReachWarmer warmer;

	@Autowired
	private SlotService slotService;

	private static final String BANDS = "/api/frequencies/bands?site=TAC&transmitter=TX2&targets=44";

	@BeforeEach
	void tashkent() {
		jdbc.update("delete from sunspot_number");
		fixtures().site("TAC", 1, "TX1");
		created(post(engineer(), "/api/sites/TAC/transmitters",
				Map.of("name", "TX2", "minKhz", 3950, "maxKhz", 26100, "powerKw", 250)));
		created(post(engineer(), "/api/sites/TAC/antennas",
				Map.of("name", "C1", "azimuth", 75, "minKhz", 3950, "maxKhz", 26100, "gainDbi", 15)));
	}

	@Test
	void bandsAreRankedByReliabilityAtTheTargetWithMufAndFotPerHour() {
		ResponseEntity<JsonNode> response = get(producer(), BANDS + "&start=12:00&stop=13:30&month=2027-01&ssn=70");
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
		JsonNode answer = response.getBody();
		assertThat(answer.get("month").asText()).isEqualTo("2027-01");
		assertThat(answer.get("powerKw").asDouble()).isEqualTo(250.0);
		assertThat(answer.get("testPoints").asInt()).isEqualTo(19);
		assertThat(answer.get("utcHours").toString()).isEqualTo("[12,13]");
		JsonNode bands = answer.get("bands");
		// 75 m to 11 m: the transmitter tunes every shortwave band's middle but 120 m and 90 m; no mediumwave
		assertThat(bands.findValuesAsText("band")).containsExactlyInAnyOrder("75m", "60m", "49m", "41m", "31m", "25m",
				"22m", "19m", "16m", "15m", "13m", "11m");
		assertThat(bands.get(0).get("hours")).hasSize(2);
		List<Double> medians = new ArrayList<>();
		for (JsonNode band : bands) {
			medians.add(band.get("medianReliability").asDouble());
			assertThat(band.get("worstReliability").asDouble()).isLessThanOrEqualTo(band.get("medianReliability").asDouble());
			JsonNode hour = band.get("hours").get(0);
			assertThat(hour.get("fot").asDouble()).isLessThan(hour.get("muf").asDouble());
		}
		assertThat(medians).isSortedAccordingTo((a, b) -> Double.compare(b, a));
		assertThat(bands.findValuesAsText("mhz")).contains("9.65", "21.65");
		// method 30: in the January evening (voacapl at Pyongyang: MUF 13.4 MHz, 11.7 0.52, 21.6 0.00) the best
		// band is just below the MUF, and 13 m and 11 m are at the bottom
		JsonNode best = bands.get(0);
		assertThat(best.get("mhz").asDouble()).isLessThan(best.at("/hours/0/muf").asDouble());
		assertThat(best.get("band").asText()).isIn("41m", "31m", "25m", "22m");
		assertThat(medians.get(medians.size() - 1)).isLessThan(0.1);
		assertThat(bands.findValuesAsText("band").subList(8, 12)).contains("13m", "11m");
	}

	@Test
	void badBandQueriesAreRefusedNamingTheFieldAndProducersMayAskButSitesMayNot() {
		Map<String, String> wrong = Map.of("&start=25:00&stop=13:00&month=2027-01&ssn=70", "start",
				"&start=12:00&stop=13:00&month=2027-13&ssn=70", "month", "&start=12:00&stop=13:00&month=2027-01&ssn=300.5",
				"ssn", "&start=12:00&stop=13:00&month=2031-01", "month");
		wrong.forEach((query, field) -> {
			ResponseEntity<JsonNode> refused = get(engineer(), BANDS + query);
			assertThat(refused.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(refused.getBody().get("errors").findValuesAsText("field")).as(query).containsExactly(field);
		});
		ResponseEntity<JsonNode> targets = get(engineer(),
				"/api/frequencies/bands?site=TAC&transmitter=TX2&targets=86&start=12:00&stop=13:00&ssn=70");
		assertThat(targets.getBody().get("errors").findValuesAsText("field")).containsExactly("targets");
		ResponseEntity<JsonNode> transmitter = get(engineer(),
				"/api/frequencies/bands?site=TAC&transmitter=TX9&targets=44&start=12:00&stop=13:00&ssn=70");
		assertThat(transmitter.getBody().get("errors").findValuesAsText("field")).containsExactly("transmitter");

		String token = post(as(Role.ADMIN), "/api/sites/TAC/tokens", Map.of("label", "agent")).getBody()
			.get("token")
			.asText();
		HttpHeaders bearer = new HttpHeaders();
		bearer.setBearerAuth(token);
		String query = BANDS + "&start=12:00&stop=13:00&month=2027-01&ssn=70";
		assertThat(rest.exchange(query, HttpMethod.GET, new HttpEntity<>(bearer), JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(rest.getForEntity(query, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(get(producer(), query).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void clearChannelsRankedByReliabilityCarryTheirsAndTheirSnr() {
		String clear = "/api/frequencies/clear?site=TAC&transmitter=TX1&start=06:00&stop=07:00&targets=44"
				+ "&bands=31m,13m&from=2027-01-01&to=2027-01-31&ssn=71.5";
		JsonNode byCollisions = get(engineer(), clear).getBody();
		assertThat(byCollisions.at("/clear/0/frequencyKhz").asInt()).as("no collision anywhere: lowest first").isEqualTo(9400);
		assertThat(byCollisions.at("/clear/0/reliability").isMissingNode()).isTrue();

		ResponseEntity<JsonNode> response = get(producer(), clear + "&rankBy=reliability");
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
		JsonNode answer = response.getBody();
		assertThat(answer.get("month").asText()).as("the period's middle month").isEqualTo("2027-01");
		assertThat(answer.get("ssn").asDouble()).isEqualTo(71.5);
		JsonNode channels = answer.get("clear");
		assertThat(channels).hasSize(byCollisions.get("clear").size());
		List<Long> hundredths = new ArrayList<>();
		for (JsonNode channel : channels) {
			assertThat(channel.get("reliability").asDouble()).isBetween(0.0, 1.0);
			assertThat(channel.has("snrDb")).isTrue();
			hundredths.add(Math.round(channel.get("reliability").asDouble() * 100));
		}
		assertThat(hundredths).isSortedAccordingTo((a, b) -> Long.compare(b, a));
		// channels 5 kHz apart share their 0.1 MHz's prediction
		assertThat(reliabilityOf(channels, 9600)).isEqualTo(reliabilityOf(channels, 9620));
		// method 30: at 15 h in Korea in January (voacapl: MUF 26.5 MHz, 21.6 MHz 0.52, 9.5 MHz 0.00) 13 m beats 31 m
		assertThat(channels.get(0).get("band").asText()).isEqualTo("13m");
		assertThat(reliabilityOf(channels, 21650)).isGreaterThan(reliabilityOf(channels, 9650));

		ResponseEntity<JsonNode> refused = get(engineer(), clear + "&rankBy=luck");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("errors").findValuesAsText("field")).containsExactly("rankBy");
		ResponseEntity<JsonNode> noSsn = get(engineer(), clear.replace("&ssn=71.5", "") + "&rankBy=reliability");
		assertThat(noSsn.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(noSsn.getBody().get("errors").findValuesAsText("field")).containsExactly("month");
	}

	@Test
	void aSlotAndTheConflictsTellAWeakSlotForTheSeasonsMiddleMonthOrThatTheyCouldNotCheck() {
		// A26: 2026-03-29 to 2026-10-25, its middle July
		Map<String, Object> night = Fixtures.with(Fixtures.slot("TAC", "TX2", 21650, "17:00", "19:00"), "antenna", "C1");
		// on the 100 kW TX1 at the slot's own 250 kW
		created(post(engineer(), "/api/sites/TAC/antennas",
				Map.of("name", "C2", "azimuth", 75, "minKhz", 3950, "maxKhz", 26100, "gainDbi", 15)));
		Map<String, Object> evening = Fixtures.with(Fixtures.slot("TAC", "TX1", 11720, "17:00", "19:00"), "antenna", "C2",
				"powerKw", 250);

		JsonNode unchecked = post(engineer(), "/api/slots/check", night).getBody();
		assertThat(unchecked.at("/reach/month").asText()).isEqualTo("2026-07");
		assertThat(unchecked.at("/reach/skipped").asText()).isEqualTo("not checked: no sunspot number for 2026-07");
		long nightId = fixtures().createSlot(night);
		long eveningId = fixtures().createSlot(evening);
		JsonNode conflicts = get(engineer(), "/api/conflicts?from=2026-04-01&to=2026-10-20").getBody();
		assertThat(conflicts.get("weakCount").asInt()).isZero();
		assertThat(conflicts.get("notChecked").toString()).contains("no sunspot number for 2026-07: 2 slot(s) not checked");

		assertThat(put(engineer(), "/api/propagation/ssn/2026-07", Map.of("ssn", 110)).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		JsonNode weak = get(engineer(), "/api/slots/" + nightId).getBody().get("reach");
		assertThat(weak.get("month").asText()).isEqualTo("2026-07");
		assertThat(weak.get("ssn").asDouble()).isEqualTo(110.0);
		assertThat(weak.get("worstReliability").asDouble()).isLessThanOrEqualTo(weak.get("medianReliability").asDouble());
		// method 30: 21.65 MHz at night in Korea (voacapl at Pyongyang, July 17-19 UTC: 0.00) reaches nobody
		assertThat(weak.get("medianReliability").asDouble()).isLessThan(0.5);
		assertThat(weak.get("weak").asBoolean()).isTrue();
		JsonNode strong = get(engineer(), "/api/slots/" + eveningId).getBody().get("reach");
		// method 30: 11.7 MHz then (voacapl: 0.58-0.63 at 250 kW isotropic; here with 15 dBi) is heard
		assertThat(strong.get("medianReliability").asDouble()).isGreaterThan(0.5);
		assertThat(strong.get("weak").asBoolean()).isFalse();

		conflicts = get(producer(), "/api/conflicts?from=2026-04-01&to=2026-10-20").getBody();
		assertThat(conflicts.get("notChecked")).isEmpty();
		assertThat(conflicts.get("weakCount").asInt()).isEqualTo(1);
		assertThat(conflicts.at("/weak/0/slotId").asLong()).isEqualTo(nightId);
		assertThat(conflicts.at("/weak/0/slot").asText()).contains("21650 kHz");
		assertThat(conflicts.at("/weak/0/reach/medianReliability").asDouble())
			.isEqualTo(weak.get("medianReliability").asDouble());
		// a listing has no reach: it would cost a prediction per slot
		assertThat(get(engineer(), "/api/slots?from=2026-04-01&to=2026-10-20").getBody().get(0).has("reach")).isFalse();
	}

	@Test
	void aRankingTooBigToPredictIsRefusedNamingTheTargetsAndAnUnknownSiteIsBlamedOnTheSite() {
		// 911 test points over a day: minutes of the engine's work, a database connection held all along before
		ResponseEntity<JsonNode> bands = get(producer(),
				"/api/frequencies/bands?site=TAC&transmitter=TX2&targets=1-85&start=00:00&stop=24:00&ssn=70");
		assertThat(bands.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(bands.getBody().get("errors").findValuesAsText("field")).containsExactly("targets");
		// 14 bands' middles, two engine calls: 100 points a day
		assertThat(bands.getBody().at("/errors/0/reason").asText())
			.isEqualTo("911 test points over 24 hour(s) at 12 frequencies: at most 100 test points; narrow the target");
		ResponseEntity<JsonNode> clear = get(producer(), "/api/frequencies/clear?site=TAC&transmitter=TX1&targets=1-85"
				+ "&start=00:00&stop=24:00&from=2027-01-01&to=2027-01-31&ssn=70&rankBy=reliability");
		assertThat(clear.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(clear.getBody().get("errors").findValuesAsText("field")).containsExactly("targets");
		assertThat(clear.getBody().at("/errors/0/reason").asText()).contains("narrow the target");
		// a few zones over a day are predicted
		assertThat(get(producer(), "/api/frequencies/bands?site=TAC&transmitter=TX2&targets=43-44&start=00:00"
				+ "&stop=24:00&month=2027-01&ssn=70").getStatusCode()).isEqualTo(HttpStatus.OK);

		ResponseEntity<JsonNode> site = get(engineer(),
				"/api/frequencies/bands?site=XYZ&transmitter=TX2&targets=44&start=12:00&stop=13:00&ssn=70");
		assertThat(site.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(site.getBody().get("errors").findValuesAsText("field")).containsExactly("site");
	}

	@Test
	void aClearChannelRankingWithoutASunspotNumberIsRefusedBeforeTheScan() {
		// the scan would refuse the band; the month is told first, before any of the schedule is read
		ResponseEntity<JsonNode> refused = get(engineer(), "/api/frequencies/clear?site=TAC&transmitter=TX1&start=06:00"
				+ "&stop=07:00&targets=44&bands=31m,99m&from=2027-01-01&to=2027-01-31&rankBy=reliability");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("errors").findValuesAsText("field")).containsExactly("month");
	}

	@Test
	void theConflictsPredictWithinTheirBudgetAndTellTheRestNotPredictedYetWhichTheBackgroundPredicts() throws Exception {
		long nightId = fixtures().createSlot(
				Fixtures.with(Fixtures.slot("TAC", "TX2", 21650, "17:00", "19:00"), "antenna", "C1"));
		// the slot's warming done (nothing without a sunspot number), then a number set behind the application's
		// back: nothing is predicted for it
		for (int wait = 0; wait < 600 && jdbc.queryForObject(
				"select count(*) from event_publication where completion_date is null", Integer.class) > 0; wait++) {
			Thread.sleep(100);
		}
		warmer.awaitWarmed();
		jdbc.update("insert into sunspot_number (month_key, ssn, set_by, set_at) values ('2026-07', 110, 'test', now())");
		Period a26 = new Period(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 10, 20));
		SlotReach.WeakSlots none = reach.weak(conflicts.check(a26).loaded().slots(), Duration.ZERO);
		assertThat(none.weak()).isEmpty();
		assertThat(none.notChecked()).containsExactly(
				"not predicted yet: 1 slot(s) not checked (they are being predicted; ask again shortly)");

		warmer.warm();
		SlotReach.WeakSlots warmed = reach.weak(conflicts.check(a26).loaded().slots(), Duration.ZERO);
		assertThat(warmed.notChecked()).isEmpty();
		assertThat(warmed.weak()).extracting(SlotReach.Finding::slotId).containsExactly(nightId);
		// the slot alone: with its reach, or (for an edit form) without a prediction
		assertThat(slotService.get(nightId).reach().weak()).isTrue();
		assertThat(slotService.withoutReach(nightId).reach()).isNull();

		// a new sunspot number is predicted in the background after it is set
		assertThat(put(engineer(), "/api/propagation/ssn/2026-07", Map.of("ssn", 120)).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		SlotReach.WeakSlots again = reach.weak(conflicts.check(a26).loaded().slots(), Duration.ZERO);
		for (int wait = 0; wait < 600 && !again.notChecked().isEmpty(); wait++) {
			Thread.sleep(100);
			again = reach.weak(conflicts.check(a26).loaded().slots(), Duration.ZERO);
		}
		assertThat(again.notChecked()).isEmpty();
		assertThat(again.weak()).extracting(f -> f.reach().ssn()).containsExactly(120.0);
	}

	private static double reliabilityOf(JsonNode channels, int khz) {
		for (JsonNode channel : channels) {
			if (channel.get("frequencyKhz").asInt() == khz) {
				return channel.get("reliability").asDouble();
			}
		}
		throw new AssertionError(khz + " kHz is not clear");
	}

	private static void created(ResponseEntity<JsonNode> response) {
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
	}

}
