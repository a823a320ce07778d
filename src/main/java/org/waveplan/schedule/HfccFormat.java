package org.waveplan.schedule;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.waveplan.schedule.CirafZones.CirafSyntaxException;

/**
 * HFCC/ITU HFBC operational schedules: one transmission per line in fixed columns, comment
 * lines starting with {@code ;}, trailing blanks trimmed. Only the columns a {@link ScheduleEntry}
 * holds are read and written; slew, design frequency, FMO, request number and the like are not.
 */
final class HfccFormat {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("ddMMuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private HfccFormat() {
	}

	/** The field names are those of the HFCC file header; columns are 1-based and inclusive. */
	private enum Field {

		FREQ(1, 5), STRT(7, 10), STOP(12, 15), CIRAF(17, 46), LOC(48, 50), POWR(52, 55), AZIMUTH(57, 63), ANT(69, 71),
		DAYS(73, 79), FDATE(81, 86), TDATE(88, 93), MOD(95, 95), LANGUAGE(103, 112), ADM(114, 116), BRC(118, 120);

		final int first;

		final int last;

		Field(int first, int last) {
			this.first = first;
			this.last = last;
		}

		int width() {
			return last - first + 1;
		}

		/** The columns as they stand, blank where the line ends before them. */
		String raw(String line) {
			if (line.length() < first) {
				return "";
			}
			return line.substring(first - 1, Math.min(last, line.length()));
		}

		String value(String line) {
			return raw(line).strip();
		}

	}

	/**
	 * Reads every entry; a line with bad fields gives one {@link LineError} per field and no entry,
	 * and reading goes on.
	 * @throws UncheckedIOException when the reader fails
	 */
	static ParsedSchedule read(Reader in) {
		List<ScheduleEntry> entries = new ArrayList<>();
		FieldErrors errors = new FieldErrors();
		BufferedReader reader = new BufferedReader(in);
		try {
			int number = 0;
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				number++;
				if (!line.isBlank() && !line.startsWith(";")) {
					ScheduleEntry entry = new LineReader(number, line, errors).entry();
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
	 * Where a problem of an own line with one of our slot's fields (named as in the API) stands: the
	 * frequency at FREQ, the rest (the site and what stands there) at LOC.
	 */
	static FieldErrors.Place ownLine(int line) {
		return (field, reason) -> {
			Field at = field.equals("frequencyKhz") ? Field.FREQ : Field.LOC;
			return new LineError(line, at.first, at.name(), reason);
		};
	}

	/**
	 * Writes entries in the columns {@link #read} reads, after a comment line naming them, LF line
	 * ends.
	 * @throws IllegalArgumentException for an entry HFCC cannot hold: a fractional frequency, no
	 * CIRAF zones, or a value too wide for its columns
	 */
	static String write(List<ScheduleEntry> entries) {
		StringBuilder out = new StringBuilder(header()).append('\n');
		for (ScheduleEntry entry : entries) {
			out.append(line(entry)).append('\n');
		}
		return out.toString();
	}

	private static String header() {
		char[] row = blankRow();
		row[0] = ';';
		for (Field field : Field.values()) {
			// the ';' takes column 1, so FREQ moves one column on
			String label = field.name();
			int at = (field == Field.FREQ) ? 1 : field.first - 1;
			label.getChars(0, label.length(), row, at);
		}
		return new String(row).stripTrailing();
	}

	private static String line(ScheduleEntry entry) {
		double khz = entry.frequencyKhz();
		if (khz != Math.rint(khz) || khz < 1) {
			throw new IllegalArgumentException(
					"line " + entry.line() + ": HFCC frequencies are whole kHz, not " + khz);
		}
		if (entry.targets() == null) {
			throw new IllegalArgumentException("line " + entry.line() + ": HFCC entries need CIRAF zones");
		}
		BroadcastTime time = entry.time();
		char[] row = blankRow();
		put(row, Field.FREQ, String.valueOf((long) khz), true, entry);
		put(row, Field.STRT, hhmm(time.start()), false, entry);
		put(row, Field.STOP, hhmm(time.stop()), false, entry);
		put(row, Field.CIRAF, entry.targets().expression(), false, entry);
		put(row, Field.LOC, entry.siteCode(), false, entry);
		put(row, Field.POWR, entry.powerKw() == null ? null : entry.powerKw().toString(), true, entry);
		put(row, Field.AZIMUTH, entry.azimuth() == null ? "ND" : entry.azimuth().toString(), false, entry);
		put(row, Field.ANT, entry.antenna(), false, entry);
		put(row, Field.DAYS, time.days().toHfcc(), false, entry);
		put(row, Field.FDATE, date(time.validFrom(), entry), false, entry);
		put(row, Field.TDATE, date(time.validTo(), entry), false, entry);
		put(row, Field.MOD, entry.modulation(), false, entry);
		put(row, Field.LANGUAGE, entry.language(), false, entry);
		put(row, Field.ADM, entry.administration(), false, entry);
		put(row, Field.BRC, entry.broadcaster(), false, entry);
		return new String(row).stripTrailing();
	}

	private static char[] blankRow() {
		char[] row = new char[Field.BRC.last];
		Arrays.fill(row, ' ');
		return row;
	}

	private static void put(char[] row, Field field, String value, boolean rightAligned, ScheduleEntry entry) {
		if (value == null) {
			return;
		}
		if (value.length() > field.width()) {
			throw new IllegalArgumentException("line %d: %s '%s' is wider than its %d columns"
				.formatted(entry.line(), field, value, field.width()));
		}
		int at = rightAligned ? field.last - value.length() : field.first - 1;
		value.getChars(0, value.length(), row, at);
	}

	private static String hhmm(int minutes) {
		return "%02d%02d".formatted(minutes / 60, minutes % 60);
	}

	private static String date(LocalDate date, ScheduleEntry entry) {
		if (date.getYear() < 2000 || date.getYear() > 2099) {
			throw new IllegalArgumentException("line " + entry.line() + ": HFCC dates DDMMYY cannot hold " + date);
		}
		return DATE.format(date);
	}

	/** The fields of one line; each bad one adds an error, and then the line gives no entry. */
	private static final class LineReader {

		private final int number;

		private final String line;

		private final FieldErrors errors;

		LineReader(int number, String line, FieldErrors errors) {
			this.number = number;
			this.line = line;
			this.errors = errors.part();
		}

		ScheduleEntry entry() {
			Integer khz = frequency();
			Integer start = time(Field.STRT, "start");
			Integer stop = time(Field.STOP, "stop");
			CirafZones targets = targets();
			Integer power = power();
			Integer azimuth = azimuth();
			Weekdays days = days();
			LocalDate from = date(Field.FDATE, "from date");
			LocalDate to = date(Field.TDATE, "to date");
			String modulation = modulation();
			if (start != null && start.equals(stop)) {
				fail(Field.STOP, "start and stop are both '" + Field.STOP.value(line) + "'");
			}
			if (from != null && to != null && to.isBefore(from)) {
				fail(Field.TDATE, "to date " + to + " is before from date " + from);
			}
			if (!errors.clean()) {
				return null;
			}
			BroadcastTime time = new BroadcastTime(start, stop, days, from, to);
			return new ScheduleEntry(number, khz, time, targets, text(Field.LOC), power, azimuth, text(Field.ANT),
					text(Field.LANGUAGE), text(Field.ADM), text(Field.BRC), modulation);
		}

		private Integer frequency() {
			String value = Field.FREQ.value(line);
			if (!value.matches("\\d{1,5}") || Integer.parseInt(value) == 0) {
				return fail(Field.FREQ, value.isEmpty() ? "frequency is missing"
						: "frequency '" + value + "' is not a whole number of kHz");
			}
			return Integer.valueOf(value);
		}

		/** Minutes of the day; a stop of 2400 (or 0000) is midnight at the end of the day. */
		private Integer time(Field field, String what) {
			String value = field.value(line);
			if (value.isEmpty()) {
				return fail(field, what + " is missing");
			}
			if (!value.matches("([01]\\d|2[0-3])[0-5]\\d|2400")) {
				return fail(field, what + " '" + value + "' is not a UTC time HHMM");
			}
			if (field == Field.STRT && value.equals("2400")) {
				return fail(field, "start '2400' is not a start time: the day starts at 0000");
			}
			int minutes = Integer.parseInt(value, 0, 2, 10) * 60 + Integer.parseInt(value, 2, 4, 10);
			return (field == Field.STOP && minutes == 0) ? BroadcastTime.DAY : minutes;
		}

		private CirafZones targets() {
			try {
				return CirafZones.parse(Field.CIRAF.raw(line).stripTrailing());
			}
			catch (CirafSyntaxException ex) {
				errors.add(new LineError(number, Field.CIRAF.first + ex.position(), Field.CIRAF.name(), ex.getMessage()));
				return null;
			}
		}

		private Integer power() {
			String value = Field.POWR.value(line);
			if (value.isEmpty()) {
				return null;
			}
			if (!value.matches("\\d{1,4}")) {
				return fail(Field.POWR, "power '" + value + "' is not a whole number of kW");
			}
			return Integer.valueOf(value);
		}

		/** Degrees; blank or ND (non-directional) for none. */
		private Integer azimuth() {
			String value = Field.AZIMUTH.value(line);
			if (value.isEmpty() || value.equalsIgnoreCase("ND")) {
				return null;
			}
			if (!value.matches("\\d{1,3}") || Integer.parseInt(value) > 360) {
				return fail(Field.AZIMUTH, "azimuth '" + value + "' is neither degrees 0 to 360 nor ND");
			}
			return Integer.valueOf(value);
		}

		private Weekdays days() {
			String raw = Field.DAYS.raw(line);
			if (raw.isBlank()) {
				return fail(Field.DAYS, "days are missing");
			}
			try {
				return Weekdays.fromHfcc(raw);
			}
			catch (IllegalArgumentException ex) {
				return fail(Field.DAYS, "days '" + raw.strip() + "' are not digits 1 (Sunday) to 7 (Saturday)");
			}
		}

		private LocalDate date(Field field, String what) {
			String value = field.value(line);
			if (value.isEmpty()) {
				return fail(field, what + " is missing");
			}
			try {
				return LocalDate.parse(value, DATE);
			}
			catch (DateTimeException ex) {
				return fail(field, what + " '" + value + "' is not a date DDMMYY");
			}
		}

		private String modulation() {
			String value = text(Field.MOD);
			if (value != null && !"DNT".contains(value)) {
				return fail(Field.MOD, "modulation '" + value + "' is not D (AM), N (DRM) or T (SSB)");
			}
			return value;
		}

		private String text(Field field) {
			String value = field.value(line);
			return value.isEmpty() ? null : value;
		}

		private <T> T fail(Field field, String reason) {
			errors.add(new LineError(number, field.first, field.name(), reason));
			return null;
		}

	}

}
