package org.waveplan.schedule;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SeasonTest {

	@Test
	void seasonAStartsAndEndsOnTheLastSundaysOfMarchAndOctober() {
		Season a26 = Season.parse("A26");
		assertThat(a26.start()).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
		assertThat(a26.end()).isEqualTo(Instant.parse("2026-10-25T01:00:00Z"));
		assertThat(a26.firstDay()).isEqualTo(LocalDate.of(2026, 3, 29));
		assertThat(a26.lastDay()).isEqualTo(LocalDate.of(2026, 10, 25));
	}

	@Test
	void seasonBEndsInMarchOfTheNextYear() {
		Season b26 = Season.parse("B26");
		assertThat(b26.start()).isEqualTo(Instant.parse("2026-10-25T01:00:00Z"));
		assertThat(b26.end()).isEqualTo(Instant.parse("2027-03-28T01:00:00Z"));
		assertThat(b26.next()).isEqualTo(Season.parse("A27"));
		assertThat(Season.parse("A26").next()).isEqualTo(b26);
	}

	@Test
	void containingAnInstantChangesOverAt0100Utc() {
		assertThat(Season.containing(Instant.parse("2026-03-29T00:59:59Z"))).isEqualTo(Season.parse("B25"));
		assertThat(Season.containing(Instant.parse("2026-03-29T01:00:00Z"))).isEqualTo(Season.parse("A26"));
		assertThat(Season.containing(Instant.parse("2026-10-25T00:59:59Z"))).isEqualTo(Season.parse("A26"));
		assertThat(Season.containing(Instant.parse("2026-10-25T01:00:00Z"))).isEqualTo(Season.parse("B26"));
		assertThat(Season.containing(Instant.parse("2026-12-31T23:59:59Z"))).isEqualTo(Season.parse("B26"));
		assertThat(Season.containing(Instant.parse("2027-01-01T00:00:00Z"))).isEqualTo(Season.parse("B26"));
		assertThat(Season.containing(Instant.parse("2027-03-28T01:00:00Z"))).isEqualTo(Season.parse("A27"));
	}

	@Test
	void changeoverSundayBelongsToTheNewSeason() {
		assertThat(Season.containing(LocalDate.of(2026, 3, 28))).isEqualTo(Season.parse("B25"));
		assertThat(Season.containing(LocalDate.of(2026, 3, 29))).isEqualTo(Season.parse("A26"));
		assertThat(Season.containing(LocalDate.of(2026, 10, 25))).isEqualTo(Season.parse("B26"));
		assertThat(Season.containing(LocalDate.of(2027, 2, 1))).isEqualTo(Season.parse("B26"));
	}

	@Test
	void namesWithLetterAndTwoDigitYear() {
		assertThat(Season.parse(" b26 ")).isEqualTo(new Season('B', 2026));
		assertThat(new Season('A', 2005).name()).isEqualTo("A05");
		assertThat(new Season('B', 2026)).hasToString("B26");
	}

	@Test
	void rejectsOtherNames() {
		assertThatIllegalArgumentException().isThrownBy(() -> Season.parse("C26"));
		assertThatIllegalArgumentException().isThrownBy(() -> Season.parse("A2026"));
		assertThatIllegalArgumentException().isThrownBy(() -> Season.parse(null));
		assertThatIllegalArgumentException().isThrownBy(() -> new Season('a', 2026));
	}

}
