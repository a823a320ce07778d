package org.waveplan.propagation;

import java.time.YearMonth;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.waveplan.ApiTest;
import org.waveplan.shared.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sunspot number table through real HTTP and H2, and the service predictions will ask. */
class SunspotNumberApiTest extends ApiTest {

	@Autowired
	private SunspotNumbers numbers;

	@BeforeEach
	void emptyTable() {
		jdbc.update("delete from sunspot_number");
	}

	@Test
	void anEngineerSetsReplacesListsAndDeletesMonthsThatProducersRead() {
		ResponseEntity<JsonNode> created = put(engineer(), "/api/propagation/ssn/2027-03", Map.of("ssn", 112.54));
		assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
		assertThat(created.getHeaders().getLocation()).hasToString("/api/propagation/ssn/2027-03");
		// kept to one decimal
		assertThat(created.getBody().get("ssn").asDouble()).isEqualTo(112.5);
		assertThat(created.getBody().get("setBy").asText()).isEqualTo("engineer1");
		assertThat(created.getBody().get("setAt").asText()).isNotBlank();
		assertThat(put(engineer(), "/api/propagation/ssn/2026-12", Map.of("ssn", 0)).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		ResponseEntity<JsonNode> replaced = put(engineer(), "/api/propagation/ssn/2027-03", Map.of("ssn", 300));
		assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(replaced.getBody().get("ssn").asDouble()).isEqualTo(300.0);

		JsonNode one = get(producer(), "/api/propagation/ssn/2027-03").getBody();
		assertThat(one.get("month").asText()).isEqualTo("2027-03");
		assertThat(one.get("ssn").asDouble()).isEqualTo(300.0);
		JsonNode table = get(producer(), "/api/propagation/ssn").getBody();
		assertThat(table.findValuesAsText("month")).as("months in order").containsExactly("2026-12", "2027-03");
		assertThat(table.findValuesAsText("ssn")).containsExactly("0.0", "300.0");

		assertThat(delete("/api/propagation/ssn/2027-03").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		ResponseEntity<JsonNode> gone = get(engineer(), "/api/propagation/ssn/2027-03");
		assertThat(gone.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(gone.getBody().get("detail").asText()).isEqualTo("no sunspot number for 2027-03");
		assertThat(delete("/api/propagation/ssn/2027-03").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(get(engineer(), "/api/propagation/ssn").getBody().findValuesAsText("month")).containsExactly("2026-12");
	}

	@Test
	void aRefusedNumberLeavesTheMonthAsItWas() {
		put(engineer(), "/api/propagation/ssn/2026-05", Map.of("ssn", 110.2));
		ResponseEntity<JsonNode> refused = put(engineer(), "/api/propagation/ssn/2026-05", Map.of("ssn", 301));
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().at("/errors/0/field").asText()).isEqualTo("ssn");
		assertThat(put(producer(), "/api/propagation/ssn/2026-05", Map.of("ssn", 90)).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(put(engineer(), "/api/propagation/ssn/2026-13", Map.of("ssn", 90)).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(jdbc.queryForList("select month_key || ' ' || ssn from sunspot_number", String.class))
			.containsExactly("2026-05 110.2");
	}

	@Test
	void aPredictionTakesTheMonthsNumberOrTheOneGivenAndNamesAMonthWithout() {
		put(engineer(), "/api/propagation/ssn/2026-04", Map.of("ssn", 114.6));
		assertThat(numbers.of(YearMonth.of(2026, 4))).isEqualTo(114.6);
		assertThat(numbers.of(YearMonth.of(2026, 4), null)).isEqualTo(114.6);
		assertThat(numbers.of(YearMonth.of(2026, 4), 20.0)).as("the number given wins").isEqualTo(20.0);
		assertThat(numbers.of(YearMonth.of(2027, 3), 0.0)).as("given for a month without one").isEqualTo(0.0);

		assertThatThrownBy(() -> numbers.of(YearMonth.of(2027, 3))).isInstanceOfSatisfying(ProblemException.class,
				e -> {
					assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
					assertThat(e.toProblemDetail().getProperties().get("errors")).asString().contains("field=month");
					assertThat(e.getMessage())
						.isEqualTo("month: no sunspot number for 2027-03: PUT /api/propagation/ssn/2027-03, or give ssn");
				});
		assertThatThrownBy(() -> numbers.of(YearMonth.of(2027, 3), null)).isInstanceOf(ProblemException.class);
		for (double wrong : new double[] { -1, 300.5, Double.NaN, Double.POSITIVE_INFINITY }) {
			assertThatThrownBy(() -> numbers.of(YearMonth.of(2026, 4), wrong)).as("ssn %s", wrong)
				.isInstanceOfSatisfying(ProblemException.class,
						e -> assertThat(e.getMessage()).startsWith("ssn: ").contains("0 to 300"));
		}
	}

	@Test
	void theDemoFillsTheMonthsOf2026And2027ThatHaveNoNumber() {
		put(engineer(), "/api/propagation/ssn/2026-06", Map.of("ssn", 150));
		new DemoSunspotNumbers(numbers).run(null);
		JsonNode table = get(producer(), "/api/propagation/ssn").getBody();
		assertThat(table).hasSize(24);
		assertThat(table.get(0).get("month").asText()).isEqualTo("2026-01");
		assertThat(table.get(0).get("ssn").asDouble()).isEqualTo(121.0);
		assertThat(table.get(23).get("month").asText()).isEqualTo("2027-12");
		assertThat(table.get(23).get("ssn").asDouble()).isEqualTo(80.0);
		assertThat(table.get(5).get("ssn").asDouble()).as("a month set before is kept").isEqualTo(150.0);
		assertThat(table.get(6).get("setBy").asText()).isEqualTo("demo");
		for (int i = 7; i < 24; i++) {
			assertThat(table.get(i).get("ssn").asDouble()).as("falling").isLessThan(table.get(i - 1).get("ssn").asDouble());
		}
	}

	private ResponseEntity<JsonNode> delete(String url) {
		return engineer().exchange(url, HttpMethod.DELETE, null, JsonNode.class);
	}

}
