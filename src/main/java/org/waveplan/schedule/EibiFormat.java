package org.waveplan.schedule;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EiBi shortwave schedules: {@code ;}-separated
 * {@code kHz;Time(UTC);Days;ITU;Station;Lng;Target;Remarks;P;Start;Stop}, a header line first.
 * EiBi is kept by hand for listeners, so the Days field also holds notes ({@code irr},
 * {@code Test}, {@code USB}); whatever does not name weekdays is read as every day, which keeps a
 * collision check on the safe side.
 */
final class EibiFormat {

	private static final String[] FIELDS = { "kHz", "Time(UTC)", "Days", "ITU", "Station", "Lng", "Target", "Remarks",
			"P", "Start", "Stop" };

	private static final int KHZ = 0, TIME = 1, DAYS = 2, ITU = 3, STATION = 4, LNG = 5, REMARKS = 7, START = 9,
			STOP = 10;

	private static final Pattern FREQUENCY = Pattern.compile("\\d{1,5}(\\.\\d+)?");

	private static final Pattern HOURS = Pattern.compile("(\\d{4})-(\\d{4})");

	private static final String DAY = "(Mo|Tu|We|Th|Fr|Sa|Su)";

	/** Names, ranges (which may wrap: {@code We-Mo}) and runs ({@code SaSu}), comma-separated. */
	private static final Pattern NAMED_DAYS = Pattern.compile("(?:" + DAY + "(?:-" + DAY + ")?)+(?:,(?:" + DAY
			+ "(?:-" + DAY + ")?)+)*");

	private static final Pattern NAMED_DAY = Pattern.compile(DAY + "(?:-" + DAY + ")?");

	/** {@code 1.Sa}: the first Saturday of the month. */
	private static final Pattern NTH_WEEKDAY = Pattern.compile("[1-5]\\." + DAY);

	/** {@code Last7}: the last Sunday of the month. */
	private static final Pattern LAST_WEEKDAY = Pattern.compile("Last([1-7])");

	private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

	/** {@code 21Jun}: that day only. */
	private static final Pattern DATE = Pattern.compile("(\\d{1,2})(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)");

	/** {@code DDMM}, then maybe remarks: {@code [0626]} last heard, or a stray character. */
	private static final Pattern DAY_MONTH = Pattern.compile("(\\d{2})(\\d{2}).*");

	private static final Pattern REMARK = Pattern.compile("\\[[^]]*]");

	private EibiFormat() {
	}

	/**
	 * Reads every entry after the header line; a line with bad fields gives one
	 * {@link LineError} per field and no entry, and reading goes on.
	 * @param season the season the file is for: it gives the dates without a year their year, and
	 * stands for an empty Start or Stop
	 * @throws UncheckedIOException when the reader fails
	 */
	static ParsedSchedule read(Reader in, Season season) {
		List<ScheduleEntry> entries = new ArrayList<>();
		FieldErrors errors = new FieldErrors();
		BufferedReader reader = new BufferedReader(in);
		try {
			reader.readLine();
			int number = 1;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				number++;
				if (!line.isBlank()) {
					ScheduleEntry entry = new LineReader(number, line, season, errors).entry();
					if (entry != null) {
						entries.add(entry);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new ParsedSchedule(List.copyOf(entries), errors.list());
	}

	/**
	 * A date without a year, in the year that puts it in or next to the season (for a B season
	 * January to June fall in the year after the one it is named by); null if there is no such day.
	 */
	private static LocalDate date(int day, int month, Season season) {
		int year = (season.letter() == 'B' && month < 7) ? season.year() + 1 : season.year();
		if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
			return null;
		}
		return LocalDate.of(year, month, day);
	}

	/** The fields of one line; each bad one adds an error, and then the line gives no entry. */
	private static final class LineReader {

		private final int number;

		private final Season season;

		private final FieldErrors errors;

		private final String[] values = new String[FIELDS.length];

		private final int[] columns = new int[FIELDS.length];

		LineReader(int number, String line, Season season, FieldErrors errors) {
			this.number = number;
			this.season = season;
			this.errors = errors.part();
			// missing trailing fields are empty
			int at = 0;
			for (int i = 0; i < FIELDS.length; i++) {
				int end = (at > line.length()) ? -1 : line.indexOf(';', at);
				int to = (end < 0) ? line.length() : end;
				this.columns[i] = Math.min(at, line.length()) + 1;
				this.values[i] = (at > line.length()) ? "" : line.substring(at, to).strip();
				at = to + 1;
			}
		}

		ScheduleEntry entry() {
			Double khz = frequency();
			int[] hours = hours();
			Days days = days();
			LocalDate start = date(START);
			LocalDate stop = date(STOP);
			if (!errors.clean()) {
				return null;
			}
			LocalDate from = days.date();
			LocalDate to = days.date();
			if (to == null) {
				from = (start != null) ? start : season.firstDay();
				to = (stop != null) ? stop : season.lastDay();
				// a range such as 0111-2802 (winter only, in an A file) runs into the next year
				if (to.isBefore(from) && from.getMonthValue() >= 7 && to.getMonthValue() < 7) {
					to = to.plusYears(1);
				}
				if (to.isBefore(from)) {
					fail(STOP, "stop " + to + " is before start " + from);
					return null;
				}
			}
			BroadcastTime time = new BroadcastTime(hours[0], hours[1], days.weekdays(), from, to);
			// no power: P is EiBi's persistence code (1 daily ... 6 on the dates given, 8 inactive), not kW
			return new ScheduleEntry(number, khz, time, null, text(REMARKS), null, null, null, text(LNG), text(ITU),
					text(STATION), null);
		}

		private Double frequency() {
			String value = values[KHZ];
			if (!FREQUENCY.matcher(value).matches() || Double.parseDouble(value) == 0) {
				return fail(KHZ, value.isEmpty() ? "frequency is missing"
						: "frequency '" + value + "' is not a number of kHz");
			}
			return Double.valueOf(value);
		}

		/**
		 * Start and stop minutes. A stop of 2400 (or 0000) is midnight at the end of the day; a stop
		 * equal to the start is read as a one-minute airing, the only time such an entry names.
		 */
		private int[] hours() {
			String value = values[TIME];
			Matcher m = HOURS.matcher(value);
			boolean matches = m.matches();
			int start = matches ? minutes(m.group(1)) : -1;
			int stop = matches ? minutes(m.group(2)) : -1;
			if (start < 0 || start >= BroadcastTime.DAY || stop < 0) {
				return fail(TIME, "time '" + value + "' is not a UTC time range HHMM-HHMM");
			}
			if (stop == 0) {
				stop = BroadcastTime.DAY;
			}
			return new int[] { start, (stop == start) ? start + 1 : stop };
		}

		private static int minutes(String hhmm) {
			int hours = Integer.parseInt(hhmm, 0, 2, 10);
			int minutes = Integer.parseInt(hhmm, 2, 4, 10);
			if (minutes > 59 || hours * 60 + minutes > BroadcastTime.DAY) {
				return -1;
			}
			return hours * 60 + minutes;
		}

		private Days days() {
			String value = values[DAYS];
			if (value.isEmpty()) {
				return new Days(Weekdays.DAILY, null);
			}
			if (value.chars().allMatch(Character::isDigit)) {
				// 1 = Monday, the other way round from HFCC
				int mask = 0;
				for (char c : value.toCharArray()) {
					if (c < '1' || c > '7') {
						return fail(DAYS, "days '" + value + "' are not digits 1 (Monday) to 7 (Sunday)");
					}
					mask |= 1 << (c - '1');
				}
				return new Days(new Weekdays(mask), null);
			}
			if (NAMED_DAYS.matcher(value).matches()) {
				return new Days(named(value), null);
			}
			Matcher m = NTH_WEEKDAY.matcher(value);
			if (m.matches()) {
				return new Days(named(m.group(1)), null);
			}
			m = LAST_WEEKDAY.matcher(value);
			if (m.matches()) {
				return new Days(new Weekdays(1 << (m.group(1).charAt(0) - '1')), null);
			}
			m = DATE.matcher(value);
			if (m.matches()) {
				int month = MONTHS.indexOf(m.group(2)) / 3 + 1;
				LocalDate date = EibiFormat.date(Integer.parseInt(m.group(1)), month, season);
				if (date == null) {
					return fail(DAYS, "days '" + value + "' is not a date");
				}
				return new Days(Weekdays.of(EnumSet.of(date.getDayOfWeek())), date);
			}
			return new Days(Weekdays.DAILY, null);
		}

		private static Weekdays named(String value) {
			int mask = 0;
			Matcher m = NAMED_DAY.matcher(value);
			while (m.find()) {
				int from = day(m.group(1));
				int to = (m.group(2) != null) ? day(m.group(2)) : from;
				for (int d = from;; d = (d + 1) % 7) {
					mask |= 1 << d;
					if (d == to) {
						break;
					}
				}
			}
			return new Weekdays(mask);
		}

		/** Monday 0 to Sunday 6. */
		private static int day(String name) {
			return "MoTuWeThFrSaSu".indexOf(name) / 2;
		}

		/** A Start or Stop date {@code DDMM}, or null when the field gives none. */
		private LocalDate date(int field) {
			String value = REMARK.matcher(values[field]).replaceAll("").strip();
			if (value.isEmpty()) {
				return null;
			}
			Matcher m = DAY_MONTH.matcher(value);
			LocalDate date = m.matches()
					? EibiFormat.date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), season) : null;
			if (date != null) {
				return date;
			}
			return fail(field, FIELDS[field].toLowerCase(Locale.ROOT) + " '" + values[field] + "' is not a date DDMM");
		}

		private String text(int field) {
			return values[field].isEmpty() ? null : values[field];
		}

		private <T> T fail(int field, String reason) {
			errors.add(new LineError(number, columns[field], FIELDS[field], reason));
			return null;
		}

	}

	/** Weekdays, and for a single date (such as {@code 21Jun}) that date. */
	private record Days(Weekdays weekdays, LocalDate date) {
	}

}
