package org.waveplan.schedule;

import org.junit.jupiter.api.Test;

import org.waveplan.propagation.CirafTestPoints;
import org.waveplan.propagation.GeoPoint;
import org.waveplan.schedule.CirafZones.CirafSyntaxException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CirafZonesTest {

	@Test
	void aTargetIsPredictedAtItsZonesPartsTestPointsEachOnce() {
		assertThat(CirafZones.parse("44").testPoints()).hasSize(19);
		assertThat(CirafZones.parse("44NE").testPoints()).hasSize(5)
			.contains(new GeoPoint(42, 123), new GeoPoint(38, 128));
		// a half: its two quadrants; two quadrants apart: both
		assertThat(CirafZones.parse("44N").testPoints()).hasSize(10).doesNotContain(new GeoPoint(24, 122));
		assertThat(CirafZones.parse("44NE,44SW").testPoints()).hasSize(10).contains(new GeoPoint(20, 111));
		assertThat(CirafZones.parse("44,44NE").testPoints()).as("each point once").hasSize(19);
		// zone 1 is not divided: any part of it takes the whole zone's points
		assertThat(CirafZones.parse("1SW").testPoints()).isEqualTo(CirafZones.parse("1").testPoints()).hasSize(5);
		assertThat(CirafZones.parse("43-44").testPoints()).hasSize(19 + CirafTestPoints.voacap().of(43).size());
	}

	@Test
	void parsesZonesRangesAndParts() {
		CirafZones zones = CirafZones.parse(" 37-39, 41se ,44");
		assertThat(zones.expression()).isEqualTo("37-39,41SE,44");
		assertThat(zones.includes(37)).isTrue();
		assertThat(zones.includes(38)).isTrue();
		assertThat(zones.includes(39)).isTrue();
		assertThat(zones.includes(40)).isFalse();
		assertThat(zones.includes(41)).isTrue();
		assertThat(zones.includes(44)).isTrue();
		assertThat(zones.includes(45)).isFalse();
	}

	@Test
	void wholeZonesOverlapWhenTheyShareOne() {
		assertThat(CirafZones.parse("27-29").overlaps(CirafZones.parse("29,30"))).isTrue();
		assertThat(CirafZones.parse("27-29").overlaps(CirafZones.parse("30-32"))).isFalse();
	}

	@Test
	void partsOfOneZoneOverlapOnlyWhereTheyMeet() {
		assertThat(CirafZones.parse("43NE").overlaps(CirafZones.parse("43NW"))).isFalse();
		assertThat(CirafZones.parse("43N").overlaps(CirafZones.parse("43NW"))).isTrue();
		assertThat(CirafZones.parse("43N").overlaps(CirafZones.parse("43S"))).isFalse();
		assertThat(CirafZones.parse("43E").overlaps(CirafZones.parse("43N"))).isTrue();
		assertThat(CirafZones.parse("43W").overlaps(CirafZones.parse("43SE"))).isFalse();
		assertThat(CirafZones.parse("43").overlaps(CirafZones.parse("43SW"))).isTrue();
	}

	@Test
	void zonesInEveryWordOfTheBitSet() {
		// quadrant bits of zones 16, 17 and 85 sit in the first, second and last word
		assertThat(CirafZones.parse("16SW").overlaps(CirafZones.parse("16"))).isTrue();
		assertThat(CirafZones.parse("17NE").overlaps(CirafZones.parse("16"))).isFalse();
		assertThat(CirafZones.parse("85").overlaps(CirafZones.parse("1-84"))).isFalse();
		assertThat(CirafZones.parse("85S").overlaps(CirafZones.ALL)).isTrue();
	}

	@Test
	void allZonesReachesEveryZone() {
		for (int zone = 1; zone <= CirafZones.MAX_ZONE; zone++) {
			assertThat(CirafZones.ALL.includes(zone)).as("zone %d", zone).isTrue();
		}
		assertThat(CirafZones.ALL).isEqualTo(CirafZones.parse("1-85"));
	}

	@Test
	void equalWhenTheyCoverTheSameQuadrants() {
		assertThat(CirafZones.parse("43N,43S")).isEqualTo(CirafZones.parse("43"))
			.hasSameHashCodeAs(CirafZones.parse("43"));
		assertThat(CirafZones.parse("43N")).isNotEqualTo(CirafZones.parse("43"));
	}

	@Test
	void syntaxErrorsNameThePosition() {
		assertThatExceptionOfType(CirafSyntaxException.class).isThrownBy(() -> CirafZones.parse("43,4x"))
			.satisfies(e -> assertThat(e.position()).isEqualTo(3));
		assertThatExceptionOfType(CirafSyntaxException.class).isThrownBy(() -> CirafZones.parse("37-39,86"))
			.satisfies(e -> assertThat(e.position()).isEqualTo(6));
		assertThatExceptionOfType(CirafSyntaxException.class).isThrownBy(() -> CirafZones.parse("0"))
			.satisfies(e -> assertThat(e.position()).isZero());
		assertThatExceptionOfType(CirafSyntaxException.class).isThrownBy(() -> CirafZones.parse("39-37"));
		assertThatExceptionOfType(CirafSyntaxException.class).isThrownBy(() -> CirafZones.parse("43,"));
		assertThatExceptionOfType(CirafSyntaxException.class).isThrownBy(() -> CirafZones.parse(" "));
		assertThatExceptionOfType(CirafSyntaxException.class).isThrownBy(() -> CirafZones.parse(null));
	}

}
