package org.waveplan.schedule;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which hours and which month a slot is predicted for. */
class SlotReachTest {

	@Test
	void aSlotIsPredictedAtEveryUtcHourItIsOnTheAirIn() {
		assertThat(SlotReach.hours(20 * 60, 22 * 60)).containsExactly(20, 21);
		assertThat(SlotReach.hours(20 * 60 + 30, 21 * 60 + 15)).containsExactly(20, 21);
		assertThat(SlotReach.hours(22 * 60, 22 * 60 + 1)).containsExactly(22);
		assertThat(SlotReach.hours(23 * 60, 60)).as("over midnight").containsExactly(23, 0);
		assertThat(SlotReach.hours(23 * 60 + 30, BroadcastTime.DAY)).as("to 24:00").containsExactly(23);
		assertThat(SlotReach.hours(0, BroadcastTime.DAY)).hasSize(24).startsWith(0).endsWith(23);
		assertThat(SlotReach.hours(6 * 60, 5 * 60 + 30)).as("all but half an hour").hasSize(24).startsWith(6, 7).endsWith(5);
	}

	@Test
	void theMonthIsTheMiddleOfTheSlotsDates() {
		Season a26 = Season.parse("A26");
		Season b26 = Season.parse("B26");
		assertThat(SlotReach.middleMonth(a26.firstDay(), a26.lastDay())).isEqualTo(YearMonth.of(2026, 7));
		assertThat(SlotReach.middleMonth(b26.firstDay(), b26.lastDay())).isEqualTo(YearMonth.of(2027, 1));
		assertThat(SlotReach.middleMonth(LocalDate.of(2026, 5, 3), LocalDate.of(2026, 5, 3))).isEqualTo(YearMonth.of(2026, 5));
	}

}
