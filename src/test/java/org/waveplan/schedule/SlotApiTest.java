package org.waveplan.schedule;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.waveplan.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waveplan.Fixtures.slot;
import static org.waveplan.Fixtures.with;

/**
 * Each rule of the collision engine, through the real HTTP API and H2: what needs the schedule. What the API
 * refuses before asking it (Bean Validation, unreadable JSON, roles) is {@link ScheduleRequestTest}'s.
 */
class SlotApiTest extends ScheduleApiTest {

	@BeforeEach
	void equipment() {
		fixtures().site("TAC", 1);
		fixtures().transmitter("TAC", "TX1", 3950, 21850, 60);
		fixtures().transmitter("TAC", "TX2", 3950, 21850, 300);
		fixtures().transmitter("TAC", "TX3", 5900, 9900, 60);
		fixtures().antenna("TAC", "A1", 5900, 15800);
		fixtures().site("TIN", 3);
		fixtures().transmitter("TIN", "T1", 5900, 21850, 120);
	}

	@Test
	void storesASlotAndShowsItBack() {
		long id = fixtures().createSlot(with(slot("TAC", "TX1", 7345, "20:00", "21:00"), "targets", "43N,44", "days",
				List.of("MONDAY", "FRIDAY"), "antenna", "A1", "azimuth", 75));
		JsonNode slot = get(engineer(), "/api/slots/" + id).getBody();
		assertThat(slot.get("band").asText()).isEqualTo("41m");
		assertThat(slot.get("targets").asText()).isEqualTo("43N,44");
		assertThat(slot.get("days")).extracting(JsonNode::asText).containsExactly("MONDAY", "FRIDAY");
		assertThat(slot.get("antenna").asText()).isEqualTo("A1");
		assertThat(slot.get("stop").asText()).isEqualTo("21:00");
	}

	@Test
	void defaultsToAllDaysAndTheSeason() {
		Map<String, Object> request = slot("TAC", "TX1", 7345, "20:00", "21:00");
		request.remove("validTo");
		long id = fixtures().createSlot(with(request, "validFrom", "2026-11-01"));
		JsonNode slot = get(engineer(), "/api/slots/" + id).getBody();
		assertThat(slot.get("days")).hasSize(7);
		assertThat(slot.get("validTo").asText()).isEqualTo("2027-03-28");
	}

	@Test
	void checksASlotAsPostWouldAndStoresNothing() {
		long first = fixtures().createSlot(slot("TAC", "TX1", 7345, "20:00", "21:00"));
		long tin = fixtures().createSlot(slot("TIN", "T1", 9650, "20:00", "21:00"));
		ResponseEntity<JsonNode> check = post(engineer(), "/api/slots/check", slot("TAC", "TX2", 9650, "20:30", "21:30"));
		assertThat(check.getStatusCode()).as(String.valueOf(check.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(check.getBody().has("id")).isFalse();
		assertThat(check.getBody().get("band").asText()).isEqualTo("31m");
		assertThat(check.getBody().get("transmitter").asText()).isEqualTo("TX2");
		assertThat(check.getBody().get("collisions")).singleElement()
			.satisfies(c -> assertThat(c.get("type").asText()).isEqualTo("CO_CHANNEL"))
			.satisfies(c -> assertThat(c.get("otherSlotId").asLong()).isEqualTo(tin));
		// a hard conflict and bad fields come back as POST /api/slots answers them
		assertConflict(post(engineer(), "/api/slots/check", slot("TAC", "TX1", 9650, "20:30", "21:30")), "DOUBLE_BOOKED",
				first);
		assertInvalid(post(engineer(), "/api/slots/check", slot("TAC", "TX1", 7347, "22:00", "23:00")), "frequencyKhz",
				"raster");
		assertThat(jdbc.queryForObject("select count(*) from slot", Integer.class)).isEqualTo(2);
		// what was checked can be stored: the check held nothing
		assertThat(fixtures().createSlot(slot("TAC", "TX2", 9650, "20:30", "21:30"))).isPositive();
	}

	@Test
	void aStopOfMidnightEndsTheDayAsInHfccFiles() {
		long id = fixtures().createSlot(slot("TAC", "TX1", 7345, "23:00", "00:00"));
		assertThat(get(engineer(), "/api/slots/" + id).getBody().get("stop").asText()).isEqualTo("24:00");
		assertInvalid(post(engineer(), "/api/slots", slot("TAC", "TX1", 9650, "10:00", "10:00")), "stop", "same time");
	}

	@Test
	void refusesATransmitterOnTwoSlotsAtOnce() {
		long first = fixtures().createSlot(slot("TAC", "TX1", 7345, "20:00", "21:00"));
		ResponseEntity<JsonNode> second = post(engineer(), "/api/slots", slot("TAC", "TX1", 9650, "20:30", "21:30"));
		assertConflict(second, "DOUBLE_BOOKED", first);
	}

	@Test
	void refusesARetuneFasterThanTheTransmitter() {
		long first = fixtures().createSlot(slot("TAC", "TX2", 7345, "20:00", "21:00"));
		// TX2 needs 300 s to change frequency: 21:03 is too soon, 21:05 is fine, same frequency always
		assertConflict(post(engineer(), "/api/slots", slot("TAC", "TX2", 9650, "21:03", "22:00")), "RETUNE_TOO_SHORT",
				first);
		fixtures().createSlot(slot("TAC", "TX2", 9650, "21:05", "22:00"));
		fixtures().createSlot(slot("TAC", "TX2", 7345, "19:00", "20:00"));
	}

	@Test
	void refusesAnAntennaFedByTwoTransmitters() {
		long first = fixtures().createSlot(with(slot("TAC", "TX1", 7345, "20:00", "21:00"), "antenna", "A1"));
		assertConflict(post(engineer(), "/api/slots", with(slot("TAC", "TX2", 9650, "20:59", "22:00"), "antenna", "A1")),
				"ANTENNA_SHARED", first);
	}

	@Test
	void refusesAFrequencyTheEquipmentCannotTune() {
		ResponseEntity<JsonNode> tooHigh = post(engineer(), "/api/slots", slot("TAC", "TX3", 11700, "20:00", "21:00"));
		assertThat(tooHigh.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(tooHigh.getBody().get("conflicts").get(0).get("type").asText()).isEqualTo("OUT_OF_RANGE");
		ResponseEntity<JsonNode> antenna = post(engineer(), "/api/slots",
				with(slot("TAC", "TX1", 17700, "20:00", "21:00"), "antenna", "A1"));
		assertThat(antenna.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(antenna.getBody().get("detail").asText()).contains("antenna A1");
	}

	@Test
	void refusesFrequenciesOffTheRasterOrOutsideTheRegionsBands() {
		assertInvalid(post(engineer(), "/api/slots", slot("TAC", "TX1", 7347, "20:00", "21:00")), "frequencyKhz",
				"raster");
		assertInvalid(post(engineer(), "/api/slots", slot("TAC", "TX1", 8000, "20:00", "21:00")), "frequencyKhz",
				"Region 1");
		// 75 m is 3950-4000 kHz in Region 1, 3900-4000 in Region 3
		assertInvalid(post(engineer(), "/api/slots", slot("TAC", "TX1", 3920, "20:00", "21:00")), "frequencyKhz",
				"outside every broadcasting band");
	}

	@Test
	void acceptsAnOutOfBandFrequencyWhenTheEngineerSaysSoAndKeepsTheFlag() {
		long id = fixtures().createSlot(with(slot("TAC", "TX1", 7347, "20:00", "21:00"), "outOfBand", true));
		JsonNode slot = get(engineer(), "/api/slots/" + id).getBody();
		assertThat(slot.get("outOfBand").asBoolean()).isTrue();
		assertThat(slot.has("band")).isTrue();
	}

	@Test
	void reportsCoChannelAndAdjacentCollisionsWithoutRefusing() {
		long tin = fixtures().createSlot(slot("TIN", "T1", 9650, "20:00", "21:00"));
		ResponseEntity<JsonNode> co = post(engineer(), "/api/slots", slot("TAC", "TX1", 9650, "20:30", "21:30"));
		assertThat(co.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(co.getBody().get("collisions")).singleElement()
			.satisfies(c -> assertThat(c.get("type").asText()).isEqualTo("CO_CHANNEL"))
			.satisfies(c -> assertThat(c.get("otherSlotId").asLong()).isEqualTo(tin));
		ResponseEntity<JsonNode> adjacent = post(engineer(), "/api/slots", slot("TAC", "TX2", 9655, "20:50", "21:10"));
		assertThat(adjacent.getBody().get("collisions")).extracting(c -> c.get("type").asText())
			.containsOnly("ADJACENT_CHANNEL")
			.hasSize(2);
		// two channels away, or other targets, is no collision
		assertThat(post(engineer(), "/api/slots", slot("TAC", "TX3", 9665, "20:00", "21:00")).getBody().get("collisions"))
			.isEmpty();
	}

	@Test
	void targetsThatDoNotOverlapDoNotCollide() {
		fixtures().createSlot(with(slot("TIN", "T1", 9650, "20:00", "21:00"), "targets", "44NE"));
		assertThat(fixtures().createSlot(with(slot("TAC", "TX1", 9650, "20:00", "21:00"), "targets", "44SW,45")))
			.isPositive();
		JsonNode report = get(engineer(), "/api/conflicts?from=2026-04-01&to=2026-10-01").getBody();
		assertThat(report.get("collisionCount").asInt()).isZero();
	}

	@Test
	void timeOverlapIsExactAcrossMidnightDaysAndDates() {
		// Sunday 23:00-01:00 runs into Monday
		long sunday = fixtures().createSlot(with(slot("TAC", "TX1", 7345, "23:00", "01:00"), "days", List.of("SUNDAY")));
		assertConflict(post(engineer(), "/api/slots", with(slot("TAC", "TX1", 7345, "00:30", "02:00"), "days",
				List.of("MONDAY"))), "DOUBLE_BOOKED", sunday);
		fixtures().createSlot(with(slot("TAC", "TX1", 7345, "01:00", "02:00"), "days", List.of("MONDAY")));
		fixtures().createSlot(with(slot("TAC", "TX1", 7345, "00:30", "02:00"), "days", List.of("TUESDAY")));
		// 24:00 is the end of the day and touches 00:00 of the next
		fixtures().createSlot(with(slot("TAC", "TX3", 7345, "22:00", "24:00"), "days", List.of("WEDNESDAY")));
		fixtures().createSlot(with(slot("TAC", "TX3", 7345, "00:00", "01:00"), "days", List.of("THURSDAY")));
		// same days, dates that do not meet
		fixtures().createSlot(with(slot("TIN", "T1", 9650, "20:00", "21:00"), "validTo", "2026-06-30"));
		fixtures().createSlot(with(slot("TIN", "T1", 9650, "20:00", "21:00"), "validFrom", "2026-07-01"));
		// a slot valid only on a Saturday does not meet a Friday-only one
		fixtures().createSlot(with(slot("TIN", "T1", 11700, "10:00", "11:00"), "validFrom", "2026-05-02", "validTo",
				"2026-05-02"));
		fixtures().createSlot(with(slot("TIN", "T1", 11700, "10:00", "11:00"), "days", List.of("FRIDAY")));
	}

	@Test
	void updatesAndDeletesWithTheSameChecks() {
		long a = fixtures().createSlot(slot("TAC", "TX1", 7345, "20:00", "21:00"));
		long b = fixtures().createSlot(slot("TAC", "TX1", 9650, "22:00", "23:00"));
		// moving b onto a's hour is refused; moving a within its own hour is fine
		assertConflict(put(engineer(), "/api/slots/" + b, slot("TAC", "TX1", 9650, "20:30", "21:30")), "DOUBLE_BOOKED", a);
		assertThat(put(engineer(), "/api/slots/" + a, slot("TAC", "TX1", 7350, "20:00", "21:30")).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		engineer().delete("/api/slots/" + a);
		assertThat(get(engineer(), "/api/slots/" + a).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(put(engineer(), "/api/slots/" + b, slot("TAC", "TX1", 9650, "20:30", "21:30")).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void namesEveryBadFieldOfARequest() {
		ResponseEntity<JsonNode> bad = post(engineer(), "/api/slots", with(slot("XXX", "TX1", 7345, "25:00", "21:00"),
				"targets", "44,99", "validFrom", "2026-06-01", "validTo", "2026-05-01"));
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(bad.getBody().get("type").asText()).isEqualTo("urn:waveplan:problem:invalid-request");
		assertThat(bad.getBody().get("errors")).extracting(e -> e.get("field").asText())
			.contains("site", "start", "validTo", "targets");
	}

	@Test
	void producersMayReadTheSchedule() {
		assertThat(get(as(Role.PRODUCER), "/api/slots").getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void checksAWholeSeasonAtOnce() {
		fixtures().createSlot(slot("TIN", "T1", 9650, "20:00", "21:00"));
		fixtures().createSlot(slot("TAC", "TX1", 9650, "20:30", "21:30"));
		fixtures().createSlot(slot("TAC", "TX2", 9655, "20:30", "21:30"));
		JsonNode report = get(engineer(), "/api/conflicts?from=2026-03-29&to=2026-10-25").getBody();
		assertThat(report.get("slots").asInt()).isEqualTo(3);
		assertThat(report.get("hardCount").asInt()).isZero();
		assertThat(report.get("collisions")).extracting(c -> c.get("type").asText())
			.containsExactlyInAnyOrder("CO_CHANNEL", "ADJACENT_CHANNEL", "ADJACENT_CHANNEL");
	}

	private static void assertConflict(ResponseEntity<JsonNode> response, String type, long offending) {
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CONFLICT);
		assertThat(response.getBody().get("type").asText()).isEqualTo("urn:waveplan:problem:schedule-conflict");
		assertThat(response.getBody().get("conflicts")).anySatisfy(c -> {
			assertThat(c.get("type").asText()).isEqualTo(type);
			assertThat(c.get("otherSlotId").asLong()).isEqualTo(offending);
		});
	}

	private static void assertInvalid(ResponseEntity<JsonNode> response, String field, String reason) {
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().get("errors")).anySatisfy(e -> {
			assertThat(e.get("field").asText()).isEqualTo(field);
			assertThat(e.get("reason").asText()).contains(reason);
		});
	}

}
