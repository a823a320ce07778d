package org.waveplan.propagation;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.waveplan.SharedData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CirafTestPointsTest {

	private final CirafTestPoints points = CirafTestPoints.voacap();

	@Test
	void theJarHoldsVoacapsNineHundredElevenPointsInEveryZone() {
		assertThat(points.all()).hasSize(911);
		assertThat(points.all()).extracting(CirafTestPoint::number).containsExactlyElementsOf(
				IntStream.rangeClosed(1, 911).boxed().toList());
		int total = 0;
		for (int zone = 1; zone <= CirafTestPoints.ZONES; zone++) {
			int number = zone;
			assertThat(points.of(zone)).as("zone %d", zone).isNotEmpty().allMatch(point -> point.zone() == number);
			total += points.of(zone).size();
		}
		assertThat(total).as("every point in its zone").isEqualTo(911);
	}

	@Test
	void pointsAreReadWithTheirHemispheres() {
		assertThat(points.all().get(0)).isEqualTo(new CirafTestPoint(1, "", new GeoPoint(64, -158), 1));
		assertThat(points.all().get(102)).isEqualTo(new CirafTestPoint(10, "NE", new GeoPoint(24, -98), 103));
		assertThat(points.all().get(905)).isEqualTo(new CirafTestPoint(84, "SE", new GeoPoint(-47, 0), 906));
		assertThat(points.all().get(910)).isEqualTo(new CirafTestPoint(85, "SW", new GeoPoint(-55, 90), 911));
		// Korea, the reference circuits' target: zone 44 lies between 30 and 45 N, 110 and 135 E
		assertThat(points.of(44)).hasSize(19).allSatisfy(point -> {
			assertThat(point.position().latitude()).isBetween(20., 50.);
			assertThat(point.position().longitude()).isBetween(100., 140.);
		});
	}

	@Test
	void partsOfAZoneAreChosenAsVoacapChoosesThem() {
		assertThat(points.of(44, "NE")).hasSize(5).allMatch(point -> point.quadrant().equals("NE"));
		assertThat(points.of(44, "N")).hasSize(10).allMatch(point -> point.quadrant().startsWith("N"));
		assertThat(points.of(44, "E")).hasSize(9).allMatch(point -> point.quadrant().endsWith("E"));
		assertThat(points.of(44, null)).isEqualTo(points.of(44)).hasSize(19);
		// zone 18 has a northern half and two southern quadrants
		assertThat(points.of(18, "N")).hasSize(3).allMatch(point -> point.quadrant().equals("N"));
		assertThat(points.of(18, "W")).hasSize(3).allMatch(point -> point.quadrant().equals("SW"));
		// a zone VOACAP does not divide answers its whole for a part
		assertThat(points.of(1, "NE")).isEqualTo(points.of(1)).hasSize(5);
	}

	@Test
	void anUnknownZoneOrPartIsRefusedByName() {
		assertThatThrownBy(() -> points.of(86)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("CIRAF zone 86");
		assertThatThrownBy(() -> points.of(0)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("CIRAF zone 0");
		assertThatThrownBy(() -> points.of(44, "NN")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("'NN'");
	}

	@Test
	void aDamagedLineIsNamed() {
		assertThatThrownBy(() -> CirafTestPoints.read(new StringReader(" 1  64N158W1   1\r\n 1  64X158W1   2\r\n")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("line 2");
	}

	@Test
	void thePackagedFileIsTheSharedOne() throws IOException {
		byte[] shared = Files.readAllBytes(SharedData.require("itshfbc/cirafp.911"));
		try (var packaged = CirafTestPoints.class.getResourceAsStream("/propagation/cirafp.911")) {
			assertThat(packaged.readAllBytes()).isEqualTo(shared);
		}
	}

}
