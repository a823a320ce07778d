package org.waveplan.schedule;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.waveplan.ApiTest;
import org.waveplan.SharedData;

import static org.assertj.core.api.Assertions.assertThat;

/** The clear-channel finder against the real HFCC A26 schedule. */
class ClearChannelApiTest extends ApiTest {

	@Test
	void findsOnlyChannelsNoA26EntryToZone44UsesThen() throws IOException {
		byte[] hfcc = ScheduleFileApiTest.read(ScheduleFileApiTest.HFCC_A26);
		assertThat(upload(engineer(), "/api/schedules/import?format=hfcc&scope=external", hfcc).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		fixtures().site("TAC", 1);
		fixtures().transmitter("TAC", "TX1", 3950, 26100, 60);

		ResponseEntity<JsonNode> response = get(engineer(), "/api/frequencies/clear?site=TAC&transmitter=TX1"
				+ "&start=20:00&stop=22:00&targets=44&bands=41m,31m&from=2026-04-01&to=2026-10-20");
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
		JsonNode answer = response.getBody();
		assertThat(answer.get("considered").asInt()).isEqualTo(152);
		Set<Integer> clear = new HashSet<>();
		answer.get("clear").forEach(c -> clear.add(c.get("frequencyKhz").asInt()));

		// the reference: every A26 line into zone 44 on the air at some time 20:00-22:00 between the dates
		Set<Integer> taken = takenByZone44(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 10, 20));
		assertThat(clear).doesNotContainAnyElementsOf(taken);
		Set<Integer> blocked = new HashSet<>();
		answer.get("blocked").forEach(c -> blocked.add(c.get("frequencyKhz").asInt()));
		assertThat(blocked).containsAll(taken.stream().filter(ClearChannelApiTest::inBands).toList());
		assertThat(clear.size() + blocked.size()).isEqualTo(152);
		assertThat(clear).hasSizeBetween(100, 140);

		// best first: fewest adjacent-channel collisions, each with its reasons
		List<Integer> adjacent = answer.get("clear").findValues("adjacentCollisions").stream().map(JsonNode::asInt).toList();
		assertThat(adjacent).isSorted();
		JsonNode worst = answer.get("clear").get(answer.get("clear").size() - 1);
		assertThat(worst.get("reasons").size()).isEqualTo(worst.get("adjacentCollisions").asInt());
		assertThat(answer.get("blocked")).allSatisfy(b -> assertThat(b.get("reasons").toString()).contains("CO_CHANNEL"));
	}

	@Test
	void aQueryPeopleWroteWrongIsRefusedNamingEveryField() {
		fixtures().site("TAC", 1, "TX1");
		ResponseEntity<JsonNode> response = get(engineer(),
				"/api/frequencies/clear?site=TAC&transmitter=TX1&start=25:00&stop=22:00&targets=44-Q");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactly("start", "targets");
		ResponseEntity<JsonNode> same = get(engineer(),
				"/api/frequencies/clear?site=TAC&transmitter=TX1&start=22:00&stop=22:00&targets=44");
		assertThat(same.getBody().get("errors").findValuesAsText("field")).containsExactly("stop");
	}

	private static boolean inBands(int khz) {
		return (khz >= 7200 && khz <= 7450) || (khz >= 9400 && khz <= 9900);
	}

	/** Straight from the file, independent of the importer: HFCC columns as the shared README gives them. */
	private static Set<Integer> takenByZone44(LocalDate from, LocalDate to) throws IOException {
		Set<Integer> taken = new HashSet<>();
		try (BufferedReader in = Files.newBufferedReader(SharedData.require(ScheduleFileApiTest.HFCC_A26), StandardCharsets.ISO_8859_1)) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				if (line.startsWith(";") || line.isBlank()) {
					continue;
				}
				int khz = Integer.parseInt(line.substring(0, 5).trim());
				int start = minutes(line.substring(6, 10));
				int stop = minutes(line.substring(11, 15));
				String zones = line.substring(16, 46).trim();
				LocalDate f = date(line.substring(80, 86));
				LocalDate t = date(line.substring(87, 93));
				boolean zone44 = CirafZones.parse(zones).includes(44);
				boolean dates = !f.isAfter(to) && !t.isBefore(from);
				// daily 20:00-22:00 wanted; entries here run on at least one day in any week of the range
				boolean times = stop > start ? start < 22 * 60 && stop > 20 * 60 : start < 22 * 60 || stop > 20 * 60;
				if (zone44 && dates && times && hasDays(line.substring(72, 79))) {
					taken.add(khz);
				}
			}
		}
		return taken;
	}

	private static boolean hasDays(String days) {
		return !days.isBlank();
	}

	private static int minutes(String hhmm) {
		return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(2));
	}

	private static LocalDate date(String ddmmyy) {
		return LocalDate.of(2000 + Integer.parseInt(ddmmyy.substring(4)), Integer.parseInt(ddmmyy.substring(2, 4)),
				Integer.parseInt(ddmmyy.substring(0, 2)));
	}

}
