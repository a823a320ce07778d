package org.waveplan.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HFCC broadcasting season: A runs from the last Sunday of March 01:00 UTC to the last Sunday
 * of October 01:00 UTC, B from there to the next A. Named by letter and two-digit year
 * ({@code A26}, {@code B26}; B26 ends in March 2027).
 */
record Season(char letter, int year) {

	private static final Pattern NAME = Pattern.compile("([ABab])(\\d{2})");

	Season {
		if (letter != 'A' && letter != 'B') {
			throw new IllegalArgumentException("season letter must be A or B");
		}
	}

	static Season parse(String name) {
		Matcher m = NAME.matcher(name == null ? "" : name.trim());
		if (!m.matches()) {
			throw new IllegalArgumentException("season must look like A26 or B26, not '" + name + "'");
		}
		return new Season(Character.toUpperCase(m.group(1).charAt(0)), 2000 + Integer.parseInt(m.group(2)));
	}

	static Season containing(Instant instant) {
		int year = instant.atOffset(ZoneOffset.UTC).getYear();
		Season a = new Season('A', year);
		if (instant.isBefore(a.start())) {
			return new Season('B', year - 1);
		}
		return instant.isBefore(a.end()) ? a : new Season('B', year);
	}

	/** The season in force on a date (the changeover Sunday belongs to the new season). */
	static Season containing(LocalDate date) {
		return containing(date.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC));
	}

	String name() {
		return "%c%02d".formatted(letter, year % 100);
	}

	Instant start() {
		return changeover(year, letter == 'A' ? 3 : 10);
	}

	Instant end() {
		return letter == 'A' ? changeover(year, 10) : changeover(year + 1, 3);
	}

	/** First date of the season, as HFCC schedules give it (the changeover Sunday). */
	LocalDate firstDay() {
		return LocalDate.ofInstant(start(), ZoneOffset.UTC);
	}

	/** Last date of the season, as HFCC schedules give it (the next changeover Sunday). */
	LocalDate lastDay() {
		return LocalDate.ofInstant(end(), ZoneOffset.UTC);
	}

	Season next() {
		return letter == 'A' ? new Season('B', year) : new Season('A', year + 1);
	}

	@Override
	public String toString() {
		return name();
	}

	private static Instant changeover(int year, int month) {
		LocalDate lastSunday = LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
		return lastSunday.atTime(1, 0).toInstant(ZoneOffset.UTC);
	}

}
