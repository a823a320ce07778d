package org.waveplan.propagation;

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
import org.waveplan.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/propagation/circuit} through real HTTP, H2 and the real engine: from a site of the schedule (Tashkent,
 * as the fixtures place it) or a place, to a place or a CIRAF zone's test points. The expectations marked "method 30"
 * hold for VOACAP's physics, not for a stand-in of it.
 */
class CircuitApiTest extends ApiTest {

	private static final String PYONGYANG = "39.0,125.75";

	@Autowired
	private TargetPredictions predictions;

	@BeforeEach
	void siteAtTashkent() {
		jdbc.update("delete from sunspot_number");
		fixtures().site("TAC", 1);
		fixtures().transmitter("TAC", "TX1", 3950, 26100, 60);
		assertThat(post(engineer(), "/api/sites/TAC/transmitters",
				Map.of("name", "TX2", "minKhz", 3950, "maxKhz", 26100, "powerKw", 250)).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
	}

	@Test
	void aSiteToAPlaceAnswersPerHourTheMufAndPerFrequencyTheReliability() {
		ResponseEntity<JsonNode> response = get(producer(), "/api/propagation/circuit?site=TAC&to=" + PYONGYANG
				+ "&month=2026-01&ssn=70&hours=12,18&freqs=5.9,9.5,11.7,15.3,17.7,21.6");
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
		JsonNode answer = response.getBody();
		assertThat(answer.at("/transmitter/site").asText()).isEqualTo("TAC");
		assertThat(answer.at("/transmitter/transmitter").asText()).as("the strongest").isEqualTo("TX2");
		assertThat(answer.at("/transmitter/powerKw").asDouble()).isEqualTo(250.0);
		assertThat(answer.get("month").asText()).isEqualTo("2026-01");
		assertThat(answer.get("ssn").asDouble()).isEqualTo(70.0);
		assertThat(answer.get("receivers")).hasSize(1);
		JsonNode receiver = answer.get("receivers").get(0);
		// Tashkent 41.3N 69.2E to Pyongyang: about 4,690 km on the great circle
		assertThat(receiver.get("distanceKm").asDouble()).isBetween(4600.0, 4800.0);
		assertThat(receiver.get("hours").findValuesAsText("utcHour")).containsExactly("12", "18");
		JsonNode noon = receiver.get("hours").get(0);
		assertThat(noon.get("muf").asDouble()).isBetween(5.0, 30.0);
		assertThat(noon.get("fot").asDouble()).isLessThan(noon.get("muf").asDouble());
		assertThat(noon.get("hpf").asDouble()).isGreaterThan(noon.get("muf").asDouble());
		assertThat(noon.get("frequencies").findValuesAsText("mhz")).containsExactly("5.9", "9.5", "11.7", "15.3", "17.7",
				"21.6");
		for (JsonNode f : noon.get("frequencies")) {
			assertThat(f.get("reliability").asDouble()).isBetween(0.0, 1.0);
			assertThat(f.get("mode").asText()).isNotBlank();
		}

		// method 30: at 12 UTC (21 h at the receiver, 17 h at Tashkent) the most reliable band is one below the MUF
		// (voacapl: MUF 13.4 MHz, 11.7 MHz 0.52, 9.5 MHz 0.50, 15.3 MHz 0.07 at 250 kW)
		double muf = noon.get("muf").asDouble();
		JsonNode best = best(noon.get("frequencies"));
		assertThat(best.get("mhz").asDouble()).isLessThan(muf).isIn(9.5, 11.7);
		assertThat(frequency(noon, 15.3).get("reliability").asDouble()).isLessThan(0.2);
		// method 30: 21.6 MHz at 18 UTC, the dead of night on the whole path (03 h at Pyongyang), reaches nobody
		JsonNode night = receiver.get("hours").get(1);
		assertThat(night.get("muf").asDouble()).isLessThan(21.6);
		assertThat(frequency(night, 21.6).get("reliability").asDouble()).isLessThan(0.5);

		// one receiver: its figures are the median and the worst
		JsonNode hour = answer.get("hours").get(0);
		assertThat(hour.get("muf").asDouble()).isEqualTo(muf);
		assertThat(frequency(hour, 21.6).get("medianReliability").asDouble())
			.isEqualTo(frequency(noon, 21.6).get("reliability").asDouble());
		assertThat(answer.get("overall")).hasSize(6);
	}

	@Test
	void aZoneIsPredictedAtEveryTestPointWithTheMedianAndTheWorstPoint() {
		jdbc.update("insert into sunspot_number (month_key, ssn, set_by, set_at) values ('2026-07', 120, 'test', current_timestamp)");
		ResponseEntity<JsonNode> response = get(engineer(), "/api/propagation/circuit?from=41.3,69.2&zone=44&month=2026-07"
				+ "&hours=22-1&freqs=7.3,11.7,15.3&powerKw=100");
		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
		JsonNode answer = response.getBody();
		assertThat(answer.get("ssn").asDouble()).as("the month's from the table").isEqualTo(120.0);
		assertThat(answer.get("utcHours").toString()).isEqualTo("[22,23,0,1]");
		JsonNode receivers = answer.get("receivers");
		assertThat(receivers).hasSize(CirafTestPoints.voacap().of(44).size());
		assertThat(receivers.findValuesAsText("zone")).containsOnly("44");
		assertThat(receivers.findValuesAsText("number")).contains("575", "593");
		for (JsonNode hour : answer.get("hours")) {
			for (JsonNode f : hour.get("frequencies")) {
				double worst = f.get("worstReliability").asDouble();
				assertThat(worst).isLessThanOrEqualTo(f.get("medianReliability").asDouble());
				// the worst is a point's own figure
				List<Double> all = new ArrayList<>();
				receivers.forEach(r -> all.add(frequency(r.get("hours").get(index(answer, hour)), f.get("mhz").asDouble())
					.get("reliability").asDouble()));
				assertThat(all).contains(worst);
				assertThat(all.stream().filter(r -> r < f.get("medianReliability").asDouble()).count())
					.isLessThanOrEqualTo(all.size() / 2);
			}
		}
	}

	@Test
	void theSameQueryAgainIsAnsweredFromMemoryAndCsvHasARowPerPointHourAndFrequency() {
		String query = "/api/propagation/circuit?site=TAC&zone=44NE&month=2026-01&ssn=70&hours=0-2&freqs=9.5,11.7";
		HttpHeaders csv = new HttpHeaders();
		csv.set(HttpHeaders.ACCEPT, "text/csv");
		long before = predictions.computed();
		ResponseEntity<String> table = producer().exchange(query, HttpMethod.GET, new HttpEntity<>(csv), String.class);
		assertThat(table.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(table.getHeaders().getContentType().toString()).startsWith("text/csv");
		long computed = predictions.computed() - before;
		assertThat(computed).as("one engine call per test point of 44NE").isEqualTo(5);
		String[] lines = table.getBody().split("\r\n");
		assertThat(lines[0]).isEqualTo(
				"zone,quadrant,point,latitude,longitude,distance_km,utc_hour,muf,fot,hpf,mhz,mode,reliability,snr_db,signal_dbw");
		assertThat(lines).hasSize(1 + 5 * 3 * 2);
		assertThat(lines[1]).startsWith("44,NE,575,42.00,123.00,");

		ResponseEntity<String> refused = producer().exchange(query.replace("freqs=9.5", "freqs=1.5"), HttpMethod.GET,
				new HttpEntity<>(csv), String.class);
		assertThat(refused.getStatusCode()).as("a CSV asked for refused as a problem").isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("freqs");

		HttpHeaders any = new HttpHeaders();
		any.set(HttpHeaders.ACCEPT, "*/*");
		ResponseEntity<String> curl = producer().exchange(query, HttpMethod.GET, new HttpEntity<>(any), String.class);
		assertThat(curl.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(curl.getHeaders().getContentType().toString()).as("JSON unless CSV is asked for")
			.startsWith("application/json");

		JsonNode json = get(engineer(), query).getBody();
		assertThat(predictions.computed() - before).as("from memory").isEqualTo(5);
		assertThat(json.get("receivers")).hasSize(5);
		assertThat(lines[1]).contains("," + String.format(java.util.Locale.ROOT, "%.3f",
				json.at("/receivers/0/hours/0/frequencies/0/reliability").asDouble()) + ",");
	}

	@Test
	void anAntennaNamedGivesItsGainAndAPowerGivenWins() {
		assertThat(post(engineer(), "/api/sites/TAC/antennas",
				Map.of("name", "C1", "azimuth", 75, "minKhz", 5900, "maxKhz", 26100, "gainDbi", 17.5)).getBody()
			.get("gainDbi").asDouble()).isEqualTo(17.5);
		assertThat(get(engineer(), "/api/sites/TAC").getBody().at("/antennas/0/gainDbi").asDouble()).isEqualTo(17.5);
		String query = "/api/propagation/circuit?site=TAC&to=" + PYONGYANG + "&month=2026-01&ssn=70&hours=6&freqs=15.3";
		JsonNode isotropic = get(engineer(), query + "&transmitter=TX1").getBody();
		JsonNode curtain = get(engineer(), query + "&transmitter=TX1&antenna=C1&powerKw=50").getBody();
		assertThat(isotropic.at("/transmitter/powerKw").asDouble()).isEqualTo(100.0);
		assertThat(curtain.at("/transmitter/powerKw").asDouble()).isEqualTo(50.0);
		assertThat(curtain.at("/transmitter/transmitGainDbi").asDouble()).isEqualTo(17.5);
		// 17.5 dB more gain, 3 dB less power: 14.5 dB more signal
		double signal = isotropic.at("/receivers/0/hours/0/frequencies/0/signalDbw").asDouble();
		assertThat(curtain.at("/receivers/0/hours/0/frequencies/0/signalDbw").asDouble()).isCloseTo(signal + 14.5,
				org.assertj.core.data.Offset.offset(0.5));
	}

	@Test
	void anAntennaGainOutOfRangeIsRefused() {
		ResponseEntity<JsonNode> refused = post(engineer(), "/api/sites/TAC/antennas",
				Map.of("name", "C1", "azimuth", 75, "minKhz", 5900, "maxKhz", 26100, "gainDbi", 31));
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("errors").findValuesAsText("field")).containsExactly("gainDbi");
		assertThat(jdbc.queryForObject("select count(*) from antenna", Integer.class)).isZero();
	}

	@Test
	void badInputIsA400NamingTheFieldAndNothingIsComputed() {
		String good = "month=2026-01&ssn=70&hours=0&freqs=9.5";
		Map<String, String> wrong = new java.util.LinkedHashMap<>();
		wrong.put("site=TAC&to=91,125&" + good, "to");
		wrong.put("site=TAC&to=39,-181&" + good, "to");
		wrong.put("site=TAC&to=39&" + good, "to");
		wrong.put("from=-90.5,69&powerKw=100&to=39,125&" + good, "from");
		wrong.put("site=TAC&to=39,125&month=2026-13&ssn=70&hours=0&freqs=9.5", "month");
		wrong.put("site=TAC&to=39,125&month=2026-1&ssn=70&hours=0&freqs=9.5", "month");
		wrong.put("site=TAC&to=39,125&month=2026-01&ssn=301&hours=0&freqs=9.5", "ssn");
		wrong.put("site=TAC&to=39,125&month=2026-01&ssn=-1&hours=0&freqs=9.5", "ssn");
		wrong.put("site=TAC&to=39,125&month=2026-01&ssn=many&hours=0&freqs=9.5", "ssn");
		wrong.put("site=TAC&to=39,125&month=2026-01&ssn=70&hours=0&freqs=2,3,4,5,6,7,8,9,10,11,12,13", "freqs");
		wrong.put("site=TAC&to=39,125&month=2026-01&ssn=70&hours=0&freqs=1.9", "freqs");
		wrong.put("site=TAC&to=39,125&month=2026-01&ssn=70&hours=0&freqs=30.1", "freqs");
		wrong.put("site=TAC&to=39,125&month=2026-01&ssn=70&hours=0", "freqs");
		wrong.put("site=TAC&to=39,125&month=2026-01&ssn=70&hours=24&freqs=9.5", "hours");
		wrong.put("site=TAC&to=39,125&month=2026-01&ssn=70&hours=0-&freqs=9.5", "hours");
		wrong.put("site=TAC&to=39,125&month=2026-01&ssn=70&hours=noon&freqs=9.5", "hours");
		wrong.put("site=TAC&zone=86&" + good, "zone");
		wrong.put("site=TAC&zone=0&" + good, "zone");
		wrong.put("site=TAC&zone=44X&" + good, "zone");
		wrong.put("site=ZZZ&to=39,125&" + good, "site");
		wrong.put("site=TAC&from=41,69&to=39,125&" + good, "site");
		wrong.put("to=39,125&" + good, "site");
		wrong.put("site=TAC&to=39,125&zone=44&" + good, "to");
		wrong.put("site=TAC&transmitter=TX9&to=39,125&" + good, "transmitter");
		wrong.put("site=TAC&antenna=C9&to=39,125&" + good, "antenna");
		wrong.put("from=41,69&to=39,125&" + good, "powerKw");
		wrong.put("from=41,69&powerKw=0&to=39,125&" + good, "powerKw");
		wrong.put("site=TAC&to=39,125&month=2031-05&hours=0&freqs=9.5", "month");
		long before = predictions.computed();
		wrong.forEach((query, field) -> {
			ResponseEntity<JsonNode> refused = get(engineer(), "/api/propagation/circuit?" + query);
			assertThat(refused.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(refused.getBody().get("type").asText()).isEqualTo("urn:waveplan:problem:invalid-request");
			assertThat(refused.getBody().get("errors").findValuesAsText("field")).as(query).containsExactly(field);
		});
		assertThat(predictions.computed()).as("nothing computed").isEqualTo(before);
		// every bad field at once
		ResponseEntity<JsonNode> all = get(engineer(),
				"/api/propagation/circuit?site=TAC&to=95,0&month=13&ssn=400&hours=x&freqs=40");
		assertThat(all.getBody().get("errors").findValuesAsText("field")).containsExactly("to", "month", "ssn", "hours",
				"freqs");
		assertThat(get(engineer(), "/api/propagation/circuit?site=TAC&to=39,125&month=2031-05&hours=0&freqs=9.5")
			.getBody().at("/errors/0/reason").asText()).startsWith("no sunspot number for 2031-05");
	}

	@Test
	void producersReadPredictionsAndSiteTokensAndStrangersDoNot() {
		String query = "/api/propagation/circuit?site=TAC&to=" + PYONGYANG + "&month=2026-01&ssn=70&hours=0&freqs=9.5";
		assertThat(get(producer(), query).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(rest.getForEntity(query, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		String token = post(as(Role.ADMIN), "/api/sites/TAC/tokens", Map.of("label", "agent")).getBody()
			.get("token")
			.asText();
		HttpHeaders bearer = new HttpHeaders();
		bearer.setBearerAuth(token);
		assertThat(rest.exchange(query, HttpMethod.GET, new HttpEntity<>(bearer), JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
	}

	private static JsonNode best(JsonNode frequencies) {
		JsonNode best = frequencies.get(0);
		for (JsonNode f : frequencies) {
			if (f.get("reliability").asDouble() > best.get("reliability").asDouble()) {
				best = f;
			}
		}
		return best;
	}

	private static JsonNode frequency(JsonNode hour, double mhz) {
		for (JsonNode f : hour.get("frequencies")) {
			if (Math.abs(f.get("mhz").asDouble() - mhz) < 1e-9) {
				return f;
			}
		}
		throw new AssertionError(mhz + " MHz not in " + hour);
	}

	private static int index(JsonNode answer, JsonNode hour) {
		for (int i = 0; i < answer.get("hours").size(); i++) {
			if (answer.get("hours").get(i).equals(hour)) {
				return i;
			}
		}
		throw new AssertionError();
	}

}
