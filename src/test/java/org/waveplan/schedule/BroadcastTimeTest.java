package org.waveplan.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BroadcastTimeTest {

	// A26 runs from Sunday 2026-03-29 to Sunday 2026-10-25
	private static final String SEASON_FROM = "2026-03-29";

	private static final String SEASON_TO = "2026-10-25";

	@Test
	void airingsOnDifferentDaysDoNotOverlap() {
		BroadcastTime monday = time(1000, 1100, days(MONDAY));
		assertThat(monday.overlaps(time(1000, 1100, days(TUESDAY)))).isFalse();
		assertThat(monday.overlaps(time(1030, 1130, days(MONDAY, TUESDAY)))).isTrue();
		assertThat(monday.overlaps(time(1100, 1200, Weekdays.DAILY))).isFalse();
	}

	@Test
	void airingCrossingMidnightReachesIntoTheNextDay() {
		BroadcastTime sundayNight = time(2300, 100, days(SUNDAY));
		assertThat(sundayNight.crossesMidnight()).isTrue();
		assertThat(sundayNight.duration()).isEqualTo(120);
		assertThat(sundayNight.overlaps(time(30, 200, days(MONDAY)))).isTrue();
		assertThat(time(30, 200, days(MONDAY)).overlaps(sundayNight)).isTrue();
		assertThat(sundayNight.overlaps(time(100, 200, days(MONDAY)))).isFalse();
		// Sunday's own small hours come before the airing, not after it
		assertThat(sundayNight.overlaps(time(30, 200, days(SUNDAY)))).isFalse();
	}

	@Test
	void stopAt2400EndsTheDay() {
		BroadcastTime lateEvening = time(2200, 2400, Weekdays.DAILY);
		assertThat(lateEvening.crossesMidnight()).isFalse();
		assertThat(lateEvening.duration()).isEqualTo(120);
		assertThat(lateEvening.overlaps(time(0, 100, Weekdays.DAILY))).isFalse();
		assertThat(lateEvening.overlaps(time(2330, 30, Weekdays.DAILY))).isTrue();
		assertThat(time(0, 2400, days(MONDAY)).duration()).isEqualTo(BroadcastTime.DAY);
		assertThat(time(0, 2400, days(MONDAY)).overlaps(time(0, 100, days(TUESDAY)))).isFalse();
	}

	@Test
	void dateRangesThatTouchOrMiss() {
		BroadcastTime evening = time(2000, 2200, Weekdays.DAILY, SEASON_FROM, "2026-04-05");
		assertThat(evening.overlaps(time(2000, 2200, Weekdays.DAILY, "2026-04-06", SEASON_TO))).isFalse();
		assertThat(evening.overlaps(time(2000, 2200, Weekdays.DAILY, "2026-04-05", SEASON_TO))).isTrue();
	}

	@Test
	void airingOnTheLastValidDayReachesIntoTheOthersFirstDay() {
		BroadcastTime night = time(2300, 100, Weekdays.DAILY, SEASON_FROM, "2026-04-05");
		assertThat(night.overlaps(time(30, 200, Weekdays.DAILY, "2026-04-06", SEASON_TO))).isTrue();
		assertThat(time(30, 200, Weekdays.DAILY, "2026-04-06", SEASON_TO).overlaps(night)).isTrue();
		assertThat(night.overlaps(time(30, 200, Weekdays.DAILY, "2026-04-07", SEASON_TO))).isFalse();
		// the next day, but not a day on which the other airs
		assertThat(night.overlaps(time(30, 200, days(TUESDAY), "2026-04-06", SEASON_TO))).isFalse();
	}

	@Test
	void shortRangeOnlyCountsTheDaysItReallyHas() {
		// Monday to Wednesday: the daily pattern never reaches a Saturday
		BroadcastTime threeDays = time(1000, 1100, Weekdays.DAILY, "2026-04-06", "2026-04-08");
		assertThat(threeDays.overlaps(time(1000, 1100, days(SATURDAY)))).isFalse();
		assertThat(threeDays.overlaps(time(1000, 1100, days(TUESDAY)))).isTrue();
		// a Friday-only slot in a range without a Friday never airs
		assertThat(time(1000, 1100, days(FRIDAY), "2026-04-06", "2026-04-09").overlaps(threeDays)).isFalse();
	}

	@Test
	void shortRangeSundayNightDoesNotReachAMondayOutsideTheOtherRange() {
		// one week Monday to Sunday: the Sunday airing runs into the Monday after the week
		BroadcastTime sundayNight = time(2300, 100, days(SUNDAY), "2026-03-30", "2026-04-05");
		assertThat(sundayNight.overlaps(time(30, 200, days(MONDAY), "2026-03-30", "2026-04-05"))).isFalse();
		assertThat(sundayNight.overlaps(time(30, 200, days(MONDAY), "2026-03-30", "2026-04-06"))).isTrue();
		// eight shared days hold every pair of neighbouring weekdays
		assertThat(time(2300, 100, days(SUNDAY), "2026-03-30", "2026-04-06")
			.overlaps(time(30, 200, days(MONDAY), "2026-03-30", "2026-04-06"))).isTrue();
	}

	@Test
	void marginKeepsAirtimesApartForRetuning() {
		BroadcastTime first = time(1000, 1100, Weekdays.DAILY);
		BroadcastTime next = time(1103, 1200, Weekdays.DAILY);
		assertThat(first.overlaps(next)).isFalse();
		assertThat(first.overlaps(next, 3)).isFalse();
		assertThat(first.overlaps(next, 5)).isTrue();
		assertThat(next.overlaps(first, 5)).isTrue();
		assertThat(time(2200, 2400, Weekdays.DAILY).overlaps(time(2, 100, Weekdays.DAILY), 5)).isTrue();
		assertThat(time(2200, 2400, days(SUNDAY)).overlaps(time(2, 100, days(MONDAY)), 5)).isTrue();
		assertThat(time(2200, 2400, days(SUNDAY)).overlaps(time(2, 100, days(TUESDAY)), 5)).isFalse();
	}

	@Test
	void marginAcrossTheEndOfADateRange() {
		BroadcastTime lastEvening = time(2200, 2400, Weekdays.DAILY, SEASON_FROM, "2026-04-05");
		BroadcastTime firstMorning = time(2, 100, Weekdays.DAILY, "2026-04-06", SEASON_TO);
		assertThat(lastEvening.overlaps(firstMorning)).isFalse();
		assertThat(lastEvening.overlaps(firstMorning, 5)).isTrue();
		assertThat(firstMorning.overlaps(lastEvening, 5)).isTrue();
	}

	@Test
	void dayLongAiringPlusMarginReachesTwoDaysOn() {
		// 23:55 to 23:50 next day, then 15 min to retune: up to 00:05 two days after the start
		BroadcastTime dayLong = time(2355, 2350, Weekdays.DAILY, SEASON_FROM, "2026-04-05");
		BroadcastTime afterGap = time(2, 100, Weekdays.DAILY, "2026-04-07", SEASON_TO);
		assertThat(dayLong.overlaps(afterGap)).isFalse();
		assertThat(dayLong.overlaps(afterGap, 15)).isTrue();
		assertThat(afterGap.overlaps(dayLong, 15)).isTrue();
		assertThat(dayLong.overlaps(time(2, 100, Weekdays.DAILY, "2026-04-08", SEASON_TO), 15)).isFalse();
	}

	@Test
	void eightSharedDaysDoNotHoldEveryDayTwoDaysOn() {
		// both run Sunday 03-29 to Sunday 04-05: Saturday 04-04 reaches Monday 04-06, outside both
		BroadcastTime saturday = time(2355, 2350, days(SATURDAY), SEASON_FROM, "2026-04-05");
		BroadcastTime monday = time(2, 100, days(MONDAY), SEASON_FROM, "2026-04-05");
		assertThat(saturday.overlaps(monday, 15)).isFalse();
		assertThat(saturday.overlaps(time(2, 100, days(MONDAY), SEASON_FROM, "2026-04-06"), 15)).isTrue();
	}

	@Test
	void weeklyIntervalsStartFromMonday() {
		assertThat(time(2300, 100, days(MONDAY, SUNDAY)).weeklyIntervals())
			.containsExactly(1380, 1500, 6 * 1440 + 1380, 6 * 1440 + 1500);
	}

	@Test
	void rejectsImpossibleTimes() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BroadcastTime(1440, 60, Weekdays.DAILY,
				date(SEASON_FROM), date(SEASON_TO)));
		assertThatIllegalArgumentException().isThrownBy(() -> new BroadcastTime(60, 0, Weekdays.DAILY,
				date(SEASON_FROM), date(SEASON_TO)));
		assertThatIllegalArgumentException().isThrownBy(() -> new BroadcastTime(60, 60, Weekdays.DAILY,
				date(SEASON_FROM), date(SEASON_TO)));
		assertThatIllegalArgumentException().isThrownBy(() -> new BroadcastTime(60, 120, Weekdays.DAILY,
				date(SEASON_TO), date(SEASON_FROM)));
	}

	@Test
	void agreesWithEveryConcreteAiring() {
		Random random = new Random(20260329);
		for (int n = 0; n < 50_000; n++) {
			BroadcastTime a = randomTime(random);
			BroadcastTime b = randomTime(random);
			int margin = random.nextInt(4) == 0 ? 0 : random.nextInt(30);
			assertThat(a.overlaps(b, margin)).as("%s vs %s within %d min", a, b, margin)
				.isEqualTo(concreteOverlap(a, b, margin));
		}
	}

	// short ranges in a few weeks so that they often meet; now and then an airing of almost a day
	private static BroadcastTime randomTime(Random random) {
		int start = random.nextInt(BroadcastTime.DAY);
		int duration = random.nextInt(10) == 0 ? BroadcastTime.DAY - 1 - random.nextInt(20) : 1 + random.nextInt(240);
		int stop = (start + duration - 1) % BroadcastTime.DAY + 1;
		LocalDate from = date(SEASON_FROM).plusDays(random.nextInt(30));
		LocalDate to = from.plusDays(random.nextBoolean() ? random.nextInt(10) : random.nextInt(40));
		return new BroadcastTime(start, stop, new Weekdays(1 + random.nextInt(0x7f)), from, to);
	}

	private static boolean concreteOverlap(BroadcastTime a, BroadcastTime b, int margin) {
		for (LocalDate d = a.validFrom(); !d.isAfter(a.validTo()); d = d.plusDays(1)) {
			if (!a.days().contains(d.getDayOfWeek())) {
				continue;
			}
			long aStart = d.toEpochDay() * BroadcastTime.DAY + a.start();
			long aEnd = aStart + a.duration();
			for (LocalDate e = b.validFrom(); !e.isAfter(b.validTo()); e = e.plusDays(1)) {
				if (b.days().contains(e.getDayOfWeek())) {
					long bStart = e.toEpochDay() * BroadcastTime.DAY + b.start();
					long bEnd = bStart + b.duration();
					if (aStart < bEnd + margin && bStart < aEnd + margin) {
						return true;
					}
				}
			}
		}
		return false;
	}

	static BroadcastTime time(int startHhmm, int stopHhmm, Weekdays days) {
		return time(startHhmm, stopHhmm, days, SEASON_FROM, SEASON_TO);
	}

	static BroadcastTime time(int startHhmm, int stopHhmm, Weekdays days, String from, String to) {
		return new BroadcastTime(minutes(startHhmm), minutes(stopHhmm), days, date(from), date(to));
	}

	static Weekdays days(DayOfWeek first, DayOfWeek... rest) {
		return Weekdays.of(EnumSet.of(first, rest));
	}

	private static int minutes(int hhmm) {
		return hhmm / 100 * 60 + hhmm % 100;
	}

	private static LocalDate date(String iso) {
		return LocalDate.parse(iso);
	}

}
