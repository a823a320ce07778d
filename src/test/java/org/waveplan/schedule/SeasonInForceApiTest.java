package org.waveplan.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waveplan.Fixtures.slot;
import static org.waveplan.Fixtures.with;

/**
 * What the API takes when no date is given: the season in force on the UTC date, whatever the
 * server's zone (the far-zone run has it at UTC+14, minutes before midnight UTC).
 */
class SeasonInForceApiTest extends ScheduleApiTest {

	@Test
	void aSlotWithoutDatesAndQueriesWithoutDatesTakeTheSeasonInForce() {
		fixtures().site("TAC", 1);
		fixtures().transmitter("TAC", "TX1", 3950, 21850, 60);
		long id = fixtures().createSlot(with(slot("TAC", "TX1", 7345, "20:00", "21:00"), "validFrom", null, "validTo",
				null));
		Season season = Season.containing(today());
		JsonNode slot = get(engineer(), "/api/slots/" + id).getBody();
		assertThat(slot.get("validFrom").asText()).isEqualTo(season.firstDay().toString());
		assertThat(slot.get("validTo").asText()).isEqualTo(season.lastDay().toString());
		assertThat(get(engineer(), "/api/slots").getBody()).singleElement()
			.satisfies(s -> assertThat(s.get("id").asLong()).isEqualTo(id));
		JsonNode report = get(engineer(), "/api/conflicts").getBody();
		assertThat(report.get("from").asText()).isEqualTo(season.firstDay().toString());
		assertThat(report.get("slots").asInt()).isEqualTo(1);
		String exported = engineer().getForObject("/api/schedules/export?format=waveplan", String.class);
		assertThat(exported).contains("from: '" + season.firstDay() + "'");
	}

}
