package org.waveplan.schedule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import org.waveplan.Fixtures;
import org.waveplan.SharedData;

import static org.assertj.core.api.Assertions.assertThat;

/** Schedule files in and out through the API: the real HFCC and EiBi files, and Waveplan's own. */
class ScheduleFileApiTest extends ScheduleApiTest {

	static final String HFCC_A26 = "hfcc/A26all00.TXT";

	static final String EIBI_A26 = "eibi/sked-a26.csv";

	/** Three external lines of our own making, for what does not need the whole real file. */
	private static final byte[] SMALL_HFCC = """
			 7215 1200 1300 43,44                          YMT  300 90        0 206 1234567 290326 251026 D       Eng        JPN XYZ
			 9650 2000 2100 44                             TAC  100 75        0 206 1234567 290326 251026 D       Kor        UZB WPL
			11700 0000 0100 41,42                          KRJ  250 30        0 206 1234567 290326 251026 D       Kor        SNG WPL
			""".getBytes(StandardCharsets.ISO_8859_1);

	static byte[] read(String sharedFile) throws IOException {
		return Files.readAllBytes(SharedData.require(sharedFile));
	}

	@Test
	void importsTheWholeRealHfccScheduleAsExternal() throws IOException {
		ResponseEntity<JsonNode> result = upload(engineer(), "/api/schedules/import?format=hfcc&scope=external",
				read(HFCC_A26));
		assertThat(result.getStatusCode()).as(String.valueOf(result.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(result.getBody().get("imported").asInt()).isEqualTo(3302);
		assertThat(result.getBody().get("rejected").asInt()).isZero();
		assertThat(jdbc.queryForObject("select count(*) from external_entry where source = 'hfcc'", Integer.class))
			.isEqualTo(3302);
		// a second import replaces the first
		upload(engineer(), "/api/schedules/import?format=hfcc&scope=external", read(HFCC_A26));
		assertThat(jdbc.queryForObject("select count(*) from external_entry", Integer.class)).isEqualTo(3302);
	}

	@Test
	void importsTheWholeRealEibiScheduleAsExternal() throws IOException {
		ResponseEntity<JsonNode> result = upload(engineer(),
				"/api/schedules/import?format=eibi&scope=external&season=A26", read(EIBI_A26));
		assertThat(result.getStatusCode()).as(String.valueOf(result.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(result.getBody().get("imported").asInt()).isEqualTo(9391);
	}

	@Test
	void externalEntriesCollideWithOurSlots() {
		upload(engineer(), "/api/schedules/import?format=hfcc&scope=external", SMALL_HFCC);
		fixtures().site("TAC", 1);
		fixtures().transmitter("TAC", "TX1", 2300, 26100, 60);
		// 7215 kHz 12:00-13:00 daily to 43,44 from YMT
		JsonNode slot = post(engineer(), "/api/slots", Fixtures.slot("TAC", "TX1", 7215, "12:30", "13:30"))
			.getBody();
		assertThat(slot.get("collisions")).anySatisfy(c -> {
			assertThat(c.get("type").asText()).isEqualTo("CO_CHANNEL");
			assertThat(c.get("externalId").asLong()).isPositive();
			assertThat(c.get("reason").asText()).contains("HFCC line");
		});
	}

	@Test
	void refusesABadFileWholeNamingEveryBadLineAndColumn() {
		String file = """
				; two bad lines among good ones
				 7345 2000 2100 44                             TAC  100 75        0 206 1234567 290326 251026 D       Kor        UZB WPL
				 7345 2561 2100 44                             TAC  100 75        0 206 1234567 290326 251026 D       Kor        UZB WPL
				 9650 2000 2100 44,99                          TAC  100 75        0 206 1234567 290326 251026 D       Kor        UZB WPL
				""";
		ResponseEntity<JsonNode> result = upload(engineer(), "/api/schedules/import?format=hfcc&scope=external",
				file.getBytes(StandardCharsets.ISO_8859_1));
		assertThat(result.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(result.getBody().get("type").asText()).isEqualTo("urn:waveplan:problem:schedule-file-invalid");
		assertThat(result.getBody().get("errors")).extracting(e -> e.get("line").asInt() + ":" + e.get("column").asInt())
			.containsExactly("3:7", "4:20");
		assertThat(jdbc.queryForObject("select count(*) from external_entry", Integer.class)).isZero();

		ResponseEntity<JsonNode> lenient = upload(engineer(),
				"/api/schedules/import?format=hfcc&scope=external&lenient=true", file.getBytes(StandardCharsets.ISO_8859_1));
		assertThat(lenient.getBody().get("imported").asInt()).isEqualTo(1);
		assertThat(lenient.getBody().get("rejected").asInt()).isEqualTo(2);
	}

	@Test
	void takesTheFileAsAMultipartPartAndRefusesAFormBodyOrAnEmptyFile() {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new ByteArrayResource(SMALL_HFCC) {
			@Override
			public String getFilename() {
				return "A26all00.TXT";
			}
		});
		ResponseEntity<JsonNode> multipart = engineer().postForEntity("/api/schedules/import?format=hfcc&scope=external",
				form, JsonNode.class);
		assertThat(multipart.getBody().get("imported").asInt()).isEqualTo(3);

		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		ResponseEntity<JsonNode> formBody = engineer().postForEntity("/api/schedules/import?format=hfcc&scope=external",
				new HttpEntity<>(SMALL_HFCC, headers), JsonNode.class);
		assertThat(formBody.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(formBody.getBody().get("detail").asText()).contains("text/plain");

		ResponseEntity<JsonNode> empty = upload(engineer(), "/api/schedules/import?format=hfcc&scope=external",
				new byte[0]);
		assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(jdbc.queryForObject("select count(*) from external_entry", Integer.class)).isEqualTo(3);
	}

	@Test
	void ownHfccLinesNeedOurSiteAndAFrequencyInItsBands() {
		fixtures().site("TAC", 1);
		fixtures().transmitter("TAC", "TX1", 3950, 26100, 60);
		String file = """
				 7345 2000 2100 44                             TAC  100 75        0 206 1234567 290326 251026 D       Kor        UZB WPL
				 7347 2100 2200 44                             TAC  100 75        0 206 1234567 290326 251026 D       Kor        UZB WPL
				 9650 2000 2100 44                             XYZ  100 75        0 206 1234567 290326 251026 D       Kor        UZB WPL
				 9655 2030 2130 44                             TAC  100 75        0 206 1234567 290326 251026 D       Kor        UZB WPL
				""";
		ResponseEntity<JsonNode> result = upload(engineer(), "/api/schedules/import?format=hfcc&scope=own",
				file.getBytes(StandardCharsets.ISO_8859_1));
		assertThat(result.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		// off the raster; unknown site; TX1, the only transmitter, is busy with line 1
		assertThat(result.getBody().get("errors")).extracting(e -> e.get("line").asInt() + ":" + e.get("column").asInt()
				+ ":" + e.get("field").asText())
			.containsExactly("2:1:FREQ", "3:48:LOC", "4:48:LOC");
		assertThat(result.getBody().get("errors").get(2).get("reason").asText()).contains("DOUBLE_BOOKED");
		assertThat(jdbc.queryForObject("select count(*) from slot", Integer.class)).isZero();
	}

	@Test
	void exportedHfccReimportsToTheSameSlots() {
		importDemo();
		Set<String> before = slotKeys();
		String hfcc = engineer().getForObject("/api/schedules/export?format=hfcc&season=" + currentSeason(), String.class);
		assertThat(hfcc.lines().filter(l -> !l.startsWith(";")).count()).isEqualTo(before.size());
		jdbc.update("delete from slot");
		ResponseEntity<JsonNode> result = upload(engineer(), "/api/schedules/import?format=hfcc&scope=own",
				hfcc.getBytes(StandardCharsets.ISO_8859_1));
		assertThat(result.getStatusCode()).as(String.valueOf(result.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(slotKeys()).isEqualTo(before);
	}

	@Test
	void theSampleScheduleImportsWithoutAHardConflictAndRoundTripsAsYaml() {
		JsonNode result = importDemo();
		assertThat(result.get("imported").asInt()).isEqualTo(8);
		assertThat(get(engineer(), "/api/sites").getBody()).hasSize(3);
		Set<String> before = slotKeys();
		String yaml = engineer().getForObject("/api/schedules/export?format=waveplan&season=" + currentSeason(),
				String.class);
		jdbc.update("delete from slot");
		ResponseEntity<JsonNode> again = upload(engineer(), "/api/schedules/import?format=waveplan&scope=own",
				yaml.getBytes(StandardCharsets.UTF_8));
		assertThat(again.getStatusCode()).as(String.valueOf(again.getBody())).isEqualTo(HttpStatus.OK);
		assertThat(slotKeys()).isEqualTo(before);
	}

	@Test
	void anAntennasGainComesInAndGoesOutWithItsSiteAndIsCheckedAsTheApiChecksIt() {
		String yaml = """
				sites:
				  - code: TAC
				    name: Tashkent
				    region: 1
				    latitude: 41.3
				    longitude: 69.2
				    antennas:
				      - {name: C1, azimuth: 75, minKhz: 5900, maxKhz: 26100, gainDbi: 21.5}
				      - {name: C2, azimuth: 75, minKhz: 5900, maxKhz: 26100}
				""";
		assertThat(upload(engineer(), "/api/schedules/import?format=waveplan&scope=own",
				yaml.getBytes(StandardCharsets.UTF_8)).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(get(engineer(), "/api/sites/TAC").getBody().get("antennas").findValuesAsText("gainDbi"))
			.containsExactly("21.5", "0.0");
		String exported = engineer().getForObject("/api/schedules/export?format=waveplan&season=A26", String.class);
		assertThat(exported).contains("gainDbi: 21.5").containsOnlyOnce("gainDbi");

		ResponseEntity<JsonNode> refused = upload(engineer(), "/api/schedules/import?format=waveplan&scope=own",
				yaml.replace("C1", "C3").replace("21.5", "40").getBytes(StandardCharsets.UTF_8));
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("errors")).extracting(ScheduleFileApiTest::place).containsExactly("gainDbi@8:71");
	}

	@Test
	void pointsAtTheLineAndColumnOfABadYamlValue() {
		String yaml = """
				sites:
				  - {code: TAC, name: Tashkent, region: 1, latitude: 41.3, longitude: 69.2,
				     transmitters: [{name: TX1, minKhz: 3950, maxKhz: 26100, powerKw: 100}]}
				slots:
				  - {site: TAC, transmitter: TX1, frequency: 7345, start: "20:00", stop: "21:00", targets: "44"}
				  - site: TAC
				    transmitter: TX1
				    frequency: 9650
				    start: "21:05"
				    stop: "22:00"
				    targets: "44,86"
				    colour: blue
				""";
		ResponseEntity<JsonNode> result = upload(engineer(), "/api/schedules/import?format=waveplan&scope=own",
				yaml.getBytes(StandardCharsets.UTF_8));
		assertThat(result.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(result.getBody().get("errors")).extracting(ScheduleFileApiTest::place)
			.containsExactly("targets@11:18", "colour@12:5");
		assertThat(jdbc.queryForObject("select count(*) from site", Integer.class)).isZero();
	}

	@Test
	void refusesYamlEquipmentByTheSameRulesAsTheApi() {
		String yaml = """
				sites:
				  - code: TAC
				    name: Tashkent
				    region: 1
				    latitude: 41.3
				    longitude: 69.2
				    transmitters:
				      - {name: TX1, minKhz: 26100, maxKhz: 3950, powerKw: 100}
				    antennas:
				      - {name: A1, azimuth: 400, minKhz: 5900, maxKhz: 15800}
				""";
		ResponseEntity<JsonNode> result = upload(engineer(), "/api/schedules/import?format=waveplan&scope=own",
				yaml.getBytes(StandardCharsets.UTF_8));
		assertThat(result.getStatusCode()).as(String.valueOf(result.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(result.getBody().get("errors")).extracting(ScheduleFileApiTest::place)
			.containsExactly("maxKhz@8:44", "azimuth@10:29");
		assertThat(result.getBody().get("errors").get(0).get("reason").asText()).contains("above minKhz");
		assertThat(jdbc.queryForObject("select count(*) from transmitter", Integer.class)).isZero();
	}

	@Test
	void yamlSlotTimesFollowTheApisRules() {
		String yaml = """
				sites:
				  - {code: TAC, name: Tashkent, region: 1, latitude: 41.3, longitude: 69.2,
				     transmitters: [{name: TX1, minKhz: 3950, maxKhz: 26100, powerKw: 100}]}
				slots:
				  - {site: TAC, transmitter: TX1, frequency: 7345, start: "23:00", stop: "00:00", targets: "44"}
				  - {site: TAC, transmitter: TX1, frequency: 9650, start: "24:00", stop: "01:00", targets: "44"}
				""";
		ResponseEntity<JsonNode> result = upload(engineer(), "/api/schedules/import?format=waveplan&scope=own",
				yaml.getBytes(StandardCharsets.UTF_8));
		assertThat(result.getStatusCode()).as(String.valueOf(result.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(result.getBody().get("errors")).extracting(ScheduleFileApiTest::place)
			.containsExactly("start@6:59");
	}

	private JsonNode importDemo() {
		// the sample's slots carry the demo program
		fixtures().program("korea-today", 60);
		try {
			ResponseEntity<JsonNode> result = upload(engineer(), "/api/schedules/import?format=waveplan&scope=own",
					Files.readAllBytes(Path.of("schedules/demo.yaml")));
			assertThat(result.getStatusCode()).as(String.valueOf(result.getBody())).isEqualTo(HttpStatus.OK);
			return result.getBody();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private String currentSeason() {
		return Season.containing(today()).name();
	}

	private Set<String> slotKeys() {
		JsonNode slots = get(engineer(), "/api/slots").getBody();
		return StreamSupport.stream(slots.spliterator(), false)
			.map(s -> String.join("|", s.get("site").asText(), s.get("frequencyKhz").asText(), s.get("start").asText(),
					s.get("stop").asText(), s.get("days").toString(), s.get("validFrom").asText(),
					s.get("validTo").asText(), s.get("targets").asText(), s.path("azimuth").asText(),
					s.path("powerKw").asText(), s.path("language").asText()))
			.collect(Collectors.toSet());
	}

	/** An error of a file as field@line:column. */
	private static String place(JsonNode error) {
		return error.get("field").asText() + "@" + error.get("line").asInt() + ":" + error.get("column").asInt();
	}

}
