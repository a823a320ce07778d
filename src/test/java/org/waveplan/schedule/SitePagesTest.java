package org.waveplan.schedule;

import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.waveplan.ApiTest;
import org.waveplan.security.Role;
import org.waveplan.web.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/** The sites' pages over real HTTP: equipment listed and added through SiteService, other modules' places. */
class SitePagesTest extends ApiTest {

	@LocalServerPort
	int port;

	@BeforeEach
	void aSiteWithEquipment() {
		fixtures().site("TAC", 1, "TX1", "TX2");
		fixtures().antenna("TAC", "ANT-75", 5900, 9900);
		fixtures().site("ISS", 1);
	}

	@Test
	void theSitesAreListedWithHowMuchEquipmentTheyHave() throws Exception {
		HttpResponse<String> page = SlotPagesTest.loggedIn(port, Role.PRODUCER).get("/sites");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body().replaceAll("\\s+", " ")).contains("href=\"/sites/TAC\"", "Site TAC",
				"<td class=\"count\" data-label=\"Transmitters\">2</td> <td class=\"count\" data-label=\"Antennas\">1</td>",
				"href=\"/sites/ISS\"",
				"<td class=\"count\" data-label=\"Transmitters\">0</td> <td class=\"count\" data-label=\"Antennas\">0</td>")
			.as("producers add no site")
			.doesNotContain("action=\"/sites\"");
	}

	@Test
	void aSitesPageListsItsEquipmentAndPlacesTheOtherModulesParts() throws Exception {
		HttpResponse<String> page = SlotPagesTest.loggedIn(port, Role.ENGINEER).get("/sites/TAC");
		assertThat(page.statusCode()).isEqualTo(200);
		String body = page.body().replaceAll("\\s+", " ");
		assertThat(body).contains("TAC · Site TAC", "<td data-label=\"Name\">TX1</td> <td data-label=\"Range (kHz)\">3950-26100</td>",
				"<td data-label=\"Name\">TX2</td>", "<td data-label=\"Name\">ANT-75</td> <td data-label=\"Azimuth\">75°</td>",
				"action=\"/sites/TAC/transmitters\"", "action=\"/sites/TAC/antennas\"", "href=\"/slots/new?site=TAC\"",
				"id=\"site-profile\"", "hx-get=\"/sites/TAC/profile\"", "id=\"site-agent\"", "hx-get=\"/sites/TAC/agent\"",
				"hx-trigger=\"load\"")
			.as("tokens are for admins").doesNotContain("id=\"site-tokens\"");
		assertThat(SlotPagesTest.loggedIn(port, Role.ADMIN).get("/sites/TAC").body())
			.contains("id=\"site-tokens\"", "hx-get=\"/sites/TAC/tokens\"");
		assertThat(SlotPagesTest.loggedIn(port, Role.PRODUCER).get("/sites/TAC").body()).contains("TX1")
			.doesNotContain("action=\"/sites/TAC/transmitters\"", "id=\"site-tokens\"");
	}

	@Test
	void anUnknownSiteIsA404InTheLayout() throws Exception {
		HttpResponse<String> missing = SlotPagesTest.loggedIn(port, Role.ENGINEER).get("/sites/XYZ", "Accept", "text/html");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("404", "Not found", "engineer1").doesNotContain("Whitelabel");
	}

	@Test
	void equipmentIsAddedThroughTheFormsAsTheApiAddsItAndRefusalsShowAtTheirFields() throws Exception {
		Browser engineer = SlotPagesTest.loggedIn(port, Role.ENGINEER);
		String token = Browser.csrf(engineer.get("/sites/TAC").body());

		HttpResponse<String> added = engineer.post("/sites/TAC/transmitters", Map.of("_csrf", token, "name", "TX3",
				"minKhz", "5900", "maxKhz", "9900", "powerKw", "250", "retuneSeconds", "", "modulation", "DRM"));
		assertThat(added.statusCode()).isEqualTo(302);
		assertThat(engineer.get("/sites/TAC").body()).contains("TX3 is added.", "<td data-label=\"Name\">TX3</td>");
		JsonNode tx3 = get(engineer(), "/api/sites/TAC").getBody().get("transmitters").get(2);
		assertThat(tx3.get("name").asText()).isEqualTo("TX3");
		assertThat(tx3.get("retuneSeconds").asInt()).as("the API's default").isEqualTo(60);
		assertThat(tx3.get("modulation").asText()).isEqualTo("DRM");

		HttpResponse<String> backwards = engineer.post("/sites/TAC/antennas",
				Map.of("_csrf", token, "name", "ANT-2", "azimuth", "40", "minKhz", "9900", "maxKhz", "5900"));
		assertThat(backwards.statusCode()).isEqualTo(400);
		assertThat(backwards.body()).contains("id=\"maxKhz-error\"", "must be above minKhz (9900)", "value=\"ANT-2\"");
		assertThat(backwards.body().split("id=\"maxKhz-error\"", -1)).as("only in the antenna's form").hasSize(2);

		HttpResponse<String> notANumber = engineer.post("/sites/TAC/transmitters",
				Map.of("_csrf", token, "name", "TX4", "minKhz", "lots", "maxKhz", "9900", "powerKw", "100"));
		assertThat(notANumber.statusCode()).isEqualTo(400);
		assertThat(notANumber.body()).contains("id=\"minKhz-error\"", "&#39;lots&#39; is not a valid value");

		HttpResponse<String> twice = engineer.post("/sites/TAC/transmitters",
				Map.of("_csrf", token, "name", "TX1", "minKhz", "3950", "maxKhz", "9900", "powerKw", "100"));
		assertThat(twice.statusCode()).isEqualTo(409);
		assertThat(twice.body()).contains("transmitter &#39;TX1&#39; exists already at TAC");

		HttpResponse<String> site = engineer.post("/sites", Map.of("_csrf", token, "code", "NEW", "name", "New site",
				"ituRegion", "3", "latitude", "35.1", "longitude", "129.0"));
		assertThat(site.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/sites/NEW"));
		assertThat(get(engineer(), "/api/sites/NEW").getBody().get("ituRegion").asInt()).isEqualTo(3);

		assertThat(get(engineer(), "/api/sites/TAC").getBody().get("transmitters")).hasSize(3);
		assertThat(get(engineer(), "/api/sites/TAC").getBody().get("antennas")).hasSize(1);
	}

	@Test
	void aProducersPostToTheSitesIs403() throws Exception {
		Browser producer = SlotPagesTest.loggedIn(port, Role.PRODUCER);
		String token = Browser.csrf(producer.get("/sites/TAC").body());
		assertThat(producer.post("/sites/TAC/transmitters", Map.of("_csrf", token, "name", "TX3", "minKhz", "5900",
				"maxKhz", "9900", "powerKw", "250")).statusCode()).isEqualTo(403);
		assertThat(producer.post("/sites", Map.of("_csrf", token, "code", "NEW", "name", "New site", "ituRegion", "3",
				"latitude", "35.1", "longitude", "129.0")).statusCode()).isEqualTo(403);
		assertThat(get(engineer(), "/api/sites/TAC").getBody().get("transmitters")).hasSize(2);
		assertThat(get(engineer(), "/api/sites/NEW").getStatusCode().value()).isEqualTo(404);
	}

}
