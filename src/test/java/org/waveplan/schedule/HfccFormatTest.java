package org.waveplan.schedule;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.waveplan.SharedData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HfccFormatTest {

	// from A26all00.TXT, columns 1-158
	private static final String LINE = " 3195 2100 0100 4,9,27,37-39                   WCR  100 46        0 902 1234567 010626 310826 D       Eng        USA WCR FCC  2347                     ";

	@Test
	void readsEveryField() {
		ParsedSchedule parsed = read("; comment\n\n" + LINE + "\n");

		assertThat(parsed.errors()).isEmpty();
		ScheduleEntry entry = parsed.entries().get(0);
		assertThat(entry.line()).isEqualTo(3);
		assertThat(entry.frequencyKhz()).isEqualTo(3195);
		assertThat(entry.time()).isEqualTo(new BroadcastTime(21 * 60, 60, Weekdays.DAILY, LocalDate.of(2026, 6, 1),
				LocalDate.of(2026, 8, 31)));
		assertThat(entry.time().crossesMidnight()).isTrue();
		assertThat(entry.targets()).isEqualTo(CirafZones.parse("4,9,27,37-39"));
		assertThat(entry.siteCode()).isEqualTo("WCR");
		assertThat(entry.powerKw()).isEqualTo(100);
		assertThat(entry.azimuth()).isEqualTo(46);
		assertThat(entry.antenna()).isEqualTo("902");
		assertThat(entry.modulation()).isEqualTo("D");
		assertThat(entry.language()).isEqualTo("Eng");
		assertThat(entry.administration()).isEqualTo("USA");
		assertThat(entry.broadcaster()).isEqualTo("WCR");
	}

	@Test
	void readsHfccDaysWithSundayFirst() {
		ScheduleEntry entry = single(with(LINE, 73, "17     "));

		assertThat(entry.time().days()).isEqualTo(new Weekdays(0b1100000));
	}

	@Test
	void readsStop2400AsEndOfDay() {
		ScheduleEntry entry = single(with(with(LINE, 7, "0000"), 12, "2400"));

		assertThat(entry.time().start()).isZero();
		assertThat(entry.time().stop()).isEqualTo(BroadcastTime.DAY);
		assertThat(entry.time().crossesMidnight()).isFalse();
	}

	@Test
	void readsNonDirectionalAndBlankFieldsAsNull() {
		String line = with(with(with(LINE, 57, "ND     "), 52, "    "), 48, "   ");

		ScheduleEntry entry = single(line);

		assertThat(entry.azimuth()).isNull();
		assertThat(entry.powerKw()).isNull();
		assertThat(entry.siteCode()).isNull();
	}

	@Test
	void readsShortLines() {
		ScheduleEntry entry = single(LINE.substring(0, 95));

		assertThat(entry.modulation()).isEqualTo("D");
		assertThat(entry.language()).isNull();
		assertThat(entry.administration()).isNull();
		assertThat(entry.broadcaster()).isNull();
	}

	@Test
	void reportsALineCutBeforeItsDays() {
		assertThat(read(LINE.substring(0, 46)).errors()).containsExactly(
				new LineError(1, 73, "DAYS", "days are missing"),
				new LineError(1, 81, "FDATE", "from date is missing"),
				new LineError(1, 88, "TDATE", "to date is missing"));
	}

	@Test
	void reportsBadTimes() {
		assertThat(errors(with(LINE, 7, "2561"))).containsExactly(
				new LineError(1, 7, "STRT", "start '2561' is not a UTC time HHMM"));
		assertThat(errors(with(LINE, 7, "2400"))).containsExactly(
				new LineError(1, 7, "STRT", "start '2400' is not a start time: the day starts at 0000"));
		assertThat(errors(with(LINE, 12, "1260"))).containsExactly(
				new LineError(1, 12, "STOP", "stop '1260' is not a UTC time HHMM"));
		assertThat(errors(with(LINE, 12, "2100"))).containsExactly(
				new LineError(1, 12, "STOP", "start and stop are both '2100'"));
	}

	@Test
	void reportsBadZonesAtTheirColumn() {
		assertThat(errors(with(LINE, 17, "4,9,2x      "))).singleElement().satisfies(error -> {
			assertThat(error.column()).isEqualTo(21);
			assertThat(error.field()).isEqualTo("CIRAF");
			assertThat(error.reason()).contains("'2x'");
		});
		assertThat(errors(with(LINE, 17, " ".repeat(30)))).singleElement()
			.isEqualTo(new LineError(1, 17, "CIRAF", "no CIRAF zones given"));
	}

	@Test
	void reportsBadDays() {
		assertThat(errors(with(LINE, 73, "12389  "))).containsExactly(
				new LineError(1, 73, "DAYS", "days '12389' are not digits 1 (Sunday) to 7 (Saturday)"));
	}

	@Test
	void reportsBadDates() {
		assertThat(errors(with(LINE, 81, "310626"))).containsExactly(
				new LineError(1, 81, "FDATE", "from date '310626' is not a date DDMMYY"));
		assertThat(errors(with(LINE, 88, "3108xx"))).containsExactly(
				new LineError(1, 88, "TDATE", "to date '3108xx' is not a date DDMMYY"));
		assertThat(errors(with(LINE, 88, "310526"))).containsExactly(
				new LineError(1, 88, "TDATE", "to date 2026-05-31 is before from date 2026-06-01"));
	}

	@Test
	void reportsOtherBadFields() {
		assertThat(errors(with(LINE, 1, "3195.")).get(0)).isEqualTo(
				new LineError(1, 1, "FREQ", "frequency '3195.' is not a whole number of kHz"));
		assertThat(errors(with(LINE, 52, "1OO "))).containsExactly(
				new LineError(1, 52, "POWR", "power '1OO' is not a whole number of kW"));
		assertThat(errors(with(LINE, 57, "400    "))).containsExactly(
				new LineError(1, 57, "AZIMUTH", "azimuth '400' is neither degrees 0 to 360 nor ND"));
		assertThat(errors(with(LINE, 95, "X"))).containsExactly(
				new LineError(1, 95, "MOD", "modulation 'X' is not D (AM), N (DRM) or T (SSB)"));
	}

	@Test
	void collectsEveryErrorAndReadsOn() {
		String bad = with(with(LINE, 7, "9999"), 73, "x      ");

		ParsedSchedule parsed = read(bad + "\n" + LINE + "\n");

		assertThat(parsed.errors()).extracting(LineError::field).containsExactly("STRT", "DAYS");
		assertThat(parsed.entries()).extracting(ScheduleEntry::line).containsExactly(2);
	}

	@Test
	void writesTheColumnsItReads() {
		String written = HfccFormat.write(read(LINE).entries());

		assertThat(written).startsWith(";FREQ STRT STOP CIRAF").endsWith("\n").doesNotContain("\r");
		assertThat(written.lines().skip(1)).containsExactly(
				" 3195 2100 0100 4,9,27,37-39                   WCR  100 46          902 1234567 010626 310826 D       Eng        USA WCR");
	}

	@Test
	void writesWhatItReadsBack() {
		List<ScheduleEntry> entries = read(String.join("\n", LINE, with(LINE, 12, "2400"), with(LINE, 57, "ND     "),
				with(LINE, 1, "  603"), LINE.substring(0, 95)))
			.entries();

		assertThat(withoutLines(read(HfccFormat.write(entries)).entries())).isEqualTo(withoutLines(entries));
	}

	@Test
	void refusesToWriteWhatHfccCannotHold() {
		ScheduleEntry entry = single(LINE);
		ScheduleEntry decimal = new ScheduleEntry(1, 11780.5, entry.time(), entry.targets(), null, null, null, null,
				null, null, null, null);
		ScheduleEntry noZones = new ScheduleEntry(1, 11780, entry.time(), null, null, null, null, null, null, null,
				null, null);
		ScheduleEntry longName = new ScheduleEntry(1, 11780, entry.time(), entry.targets(), null, null, null, null,
				null, null, "Radio Taiwan", null);

		assertThatIllegalArgumentException().isThrownBy(() -> HfccFormat.write(List.of(decimal)));
		assertThatIllegalArgumentException().isThrownBy(() -> HfccFormat.write(List.of(noZones)));
		assertThatIllegalArgumentException().isThrownBy(() -> HfccFormat.write(List.of(longName)))
			.withMessageContaining("BRC");
	}

	@Test
	void readsTheWholeA26File() throws IOException {
		ParsedSchedule parsed = readA26();

		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.entries()).hasSize(3302);
		assertThat(parsed.entries()).filteredOn(e -> e.time().crossesMidnight()).hasSize(152);
		assertThat(parsed.entries()).filteredOn(e -> e.time().stop() == BroadcastTime.DAY).hasSize(193);
		// 508 lines name zone 44 or start a range with it; 67 more reach it by ranges such as 42-44
		assertThat(parsed.entries()).filteredOn(e -> e.targets().includes(44)).hasSize(575);
	}

	@Test
	void writesTheWholeA26FileBack() throws IOException {
		List<ScheduleEntry> entries = readA26().entries();

		ParsedSchedule again = read(HfccFormat.write(entries));

		assertThat(again.errors()).isEmpty();
		assertThat(withoutLines(again.entries())).isEqualTo(withoutLines(entries));
	}

	private static ParsedSchedule readA26() throws IOException {
		Path a26 = SharedData.require("hfcc/A26all00.TXT");
		try (Reader in = Files.newBufferedReader(a26, StandardCharsets.ISO_8859_1)) {
			return HfccFormat.read(in);
		}
	}

	private static ParsedSchedule read(String text) {
		return HfccFormat.read(new StringReader(text));
	}

	private static ScheduleEntry single(String line) {
		ParsedSchedule parsed = read(line);
		assertThat(parsed.errors()).isEmpty();
		return parsed.entries().get(0);
	}

	private static List<LineError> errors(String line) {
		ParsedSchedule parsed = read(line);
		assertThat(parsed.entries()).isEmpty();
		return parsed.errors();
	}

	/** The line with text written over it from a 1-based column. */
	private static String with(String line, int column, String text) {
		return line.substring(0, column - 1) + text + line.substring(column - 1 + text.length());
	}

	private static List<ScheduleEntry> withoutLines(List<ScheduleEntry> entries) {
		return entries.stream()
			.map(e -> new ScheduleEntry(0, e.frequencyKhz(), e.time(), e.targets(), e.siteCode(), e.powerKw(),
					e.azimuth(), e.antenna(), e.language(), e.administration(), e.broadcaster(), e.modulation()))
			.toList();
	}

}
