package org.waveplan.schedule;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.waveplan.SharedData;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

class EibiFormatTest {

	private static final Season SEASON = Season.parse("A26");

	private static final String HEADER = "kHz:75;Time(UTC):93;Days:59;ITU:49;Station:201;Lng:49;Target:62;Remarks:135;P:35;Start:60;Stop:60;";

	@Test
	void readsEveryField() {
		ParsedSchedule parsed = read("9730;1600-1630;Mo-Fr;G;BBC;E;Eu;/CYP;1;2903;3006[0725]");

		assertThat(parsed.errors()).isEmpty();
		ScheduleEntry entry = parsed.entries().get(0);
		assertThat(entry.line()).isEqualTo(2);
		assertThat(entry.frequencyKhz()).isEqualTo(9730);
		assertThat(entry.time()).isEqualTo(new BroadcastTime(16 * 60, 16 * 60 + 30,
				Weekdays.of(EnumSet.range(MONDAY, FRIDAY)), LocalDate.of(2026, 3, 29), LocalDate.of(2026, 6, 30)));
		assertThat(entry.targets()).isNull();
		assertThat(entry.siteCode()).isEqualTo("/CYP");
		assertThat(entry.powerKw()).isNull();
		assertThat(entry.language()).isEqualTo("E");
		assertThat(entry.administration()).isEqualTo("G");
		assertThat(entry.broadcaster()).isEqualTo("BBC");
		assertThat(entry.azimuth()).isNull();
		assertThat(entry.antenna()).isNull();
		assertThat(entry.modulation()).isNull();
	}

	@Test
	void readsDecimalFrequencies() {
		assertThat(single("11780.5;0000-2400;;B;Radio Nacional da Amazonia;PO;B;b;1;;").frequencyKhz())
			.isEqualTo(11780.5);
	}

	@Test
	void readsEmptyFieldsAsNullAndAMissingTailAsEmpty() {
		ScheduleEntry entry = single("6070;2300-0100");

		assertThat(entry.time()).isEqualTo(new BroadcastTime(23 * 60, 60, Weekdays.DAILY, SEASON.firstDay(),
				SEASON.lastDay()));
		assertThat(entry.broadcaster()).isNull();
		assertThat(entry.siteCode()).isNull();
	}

	@Test
	void readsStop2400AsEndOfDayAndEqualTimesAsOneMinute() {
		assertThat(time("0000-2400").stop()).isEqualTo(BroadcastTime.DAY);
		assertThat(time("1241-1241").duration()).isEqualTo(1);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"''      | MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY",
			"156     | MONDAY,FRIDAY,SATURDAY",
			"7       | SUNDAY",
			"Tu,Fr   | TUESDAY,FRIDAY",
			"Mo-Fr   | MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY",
			"We-Mo   | WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY,MONDAY",
			"Su-Mo   | SUNDAY,MONDAY",
			"SaSu    | SATURDAY,SUNDAY",
			"Mo,We-Fr| MONDAY,WEDNESDAY,THURSDAY,FRIDAY",
			"1.Sa    | SATURDAY",
			"2.Su    | SUNDAY",
			"Last7   | SUNDAY",
			"irr     | MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY",
			"alt     | MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY",
			"Test    | MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY",
			"USB     | MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY" })
	void readsDays(String days, String expected) {
		EnumSet<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
		for (String day : expected.split(",")) {
			weekdays.add(DayOfWeek.valueOf(day));
		}

		BroadcastTime time = single("9420;1000-1100;" + days + ";GRC;Voice of Greece;GR;Eu;a;1;;").time();

		assertThat(time.days().days()).isEqualTo(weekdays);
		assertThat(time.validFrom()).isEqualTo(SEASON.firstDay());
		assertThat(time.validTo()).isEqualTo(SEASON.lastDay());
	}

	@Test
	void readsADateInDaysAsThatDayOnly() {
		BroadcastTime time = single("9460;2130-2200;21Jun;G;BBC;E;ATA;w;6;1406;2106").time();

		assertThat(time.validFrom()).isEqualTo(LocalDate.of(2026, 6, 21));
		assertThat(time.validTo()).isEqualTo(LocalDate.of(2026, 6, 21));
		assertThat(time.days().days()).containsExactly(SUNDAY);
	}

	@Test
	void readsDatesInTheSeasonsYears() {
		Season b26 = Season.parse("B26");

		BroadcastTime time = single(b26, "9420;1000-1100;5Apr;GRC;Voice of Greece;GR;Eu;a;1;;").time();
		assertThat(time.validFrom()).isEqualTo(LocalDate.of(2027, 4, 5));

		time = single(b26, "9420;1000-1100;;GRC;Voice of Greece;GR;Eu;a;1;0112;2802").time();
		assertThat(time.validFrom()).isEqualTo(LocalDate.of(2026, 12, 1));
		assertThat(time.validTo()).isEqualTo(LocalDate.of(2027, 2, 28));
	}

	@Test
	void readsAWinterRangeInAnASeasonIntoTheNextYear() {
		BroadcastTime time = time("4505;1910-1920;We,Sa;POL;E11 Polish Spy Numbers;E;;p;1;0111;2802[0223]");

		assertThat(time.validFrom()).isEqualTo(LocalDate.of(2026, 11, 1));
		assertThat(time.validTo()).isEqualTo(LocalDate.of(2027, 2, 28));
	}

	@ParameterizedTest
	@CsvSource({ "'',''", "'','[0626]'", "[0325],[0626]" })
	void readsEmptyAndBracketedDatesAsTheSeason(String start, String stop) {
		BroadcastTime time = time("6095;1100-1200;;D;SM Radio Dessau;D;Eu;n;2;" + start + ";" + stop);

		assertThat(time.validFrom()).isEqualTo(SEASON.firstDay());
		assertThat(time.validTo()).isEqualTo(SEASON.lastDay());
	}

	@ParameterizedTest
	@ValueSource(strings = { "3107", "3107[0826]", "3107f" })
	void readsTheLeadingDayAndMonthOfADate(String stop) {
		assertThat(time("19132;1540-1550;Tu,Fr;RUS;E07;E;RUS;m;1;0107;" + stop).validTo())
			.isEqualTo(LocalDate.of(2026, 7, 31));
	}

	@Test
	void reportsBadFieldsAtTheirCharacterPosition() {
		assertThat(read("97x0;1600-1630;;G;BBC;E;Eu;w;1;;").errors()).containsExactly(
				new LineError(2, 1, "kHz", "frequency '97x0' is not a number of kHz"));
		assertThat(read("9730;1600-2460;;G;BBC;E;Eu;w;1;;").errors()).containsExactly(
				new LineError(2, 6, "Time(UTC)", "time '1600-2460' is not a UTC time range HHMM-HHMM"));
		assertThat(read("9730;2400-0100;;G;BBC;E;Eu;w;1;;").errors()).extracting(LineError::column)
			.containsExactly(6);
		assertThat(read("9730;1600-1630;128;G;BBC;E;Eu;w;1;;").errors()).containsExactly(
				new LineError(2, 16, "Days", "days '128' are not digits 1 (Monday) to 7 (Sunday)"));
		assertThat(read("9730;1600-1630;30Feb;G;BBC;E;Eu;w;1;;").errors()).containsExactly(
				new LineError(2, 16, "Days", "days '30Feb' is not a date"));
		assertThat(read("9730;1600-1630;;G;BBC;E;Eu;w;1;3202;").errors()).containsExactly(
				new LineError(2, 32, "Start", "start '3202' is not a date DDMM"));
		assertThat(read("9730;1600-1630;;G;BBC;E;Eu;w;1;0107;soon").errors()).containsExactly(
				new LineError(2, 37, "Stop", "stop 'soon' is not a date DDMM"));
	}

	@Test
	void reportsAStartAfterTheStop() {
		assertThat(read("9730;1600-1630;;G;BBC;E;Eu;w;1;3006;2903").errors()).containsExactly(
				new LineError(2, 37, "Stop", "stop 2026-03-29 is before start 2026-06-30"));
		assertThat(read("9730;1600-1630;;G;BBC;E;Eu;w;1;0111;").errors()).containsExactly(
				new LineError(2, 37, "Stop", "stop 2026-10-25 is before start 2026-11-01"));
	}

	@Test
	void collectsEveryErrorAndReadsOn() {
		ParsedSchedule parsed = read("x;2500-0100;;G;BBC;E;Eu;w;1;;", "", "9730;1600-1630;;G;BBC;E;Eu;w;1;;");

		assertThat(parsed.errors()).extracting(LineError::field).containsExactly("kHz", "Time(UTC)");
		assertThat(parsed.entries()).extracting(ScheduleEntry::line).containsExactly(4);
	}

	@Test
	void readsTheWholeA26File() throws IOException {
		Path a26 = SharedData.require("eibi/sked-a26.csv");
		ParsedSchedule parsed;
		try (Reader in = Files.newBufferedReader(a26, StandardCharsets.ISO_8859_1)) {
			parsed = EibiFormat.read(in, SEASON);
		}

		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.entries()).hasSize(9391);
		assertThat(parsed.entries().get(0).frequencyKhz()).isEqualTo(16.3);
	}

	private static ParsedSchedule read(String... lines) {
		return EibiFormat.read(new StringReader(HEADER + "\r\n" + String.join("\r\n", lines) + "\r\n"), SEASON);
	}

	private static ScheduleEntry single(String line) {
		return single(SEASON, line);
	}

	private static ScheduleEntry single(Season season, String line) {
		ParsedSchedule parsed = EibiFormat.read(new StringReader(HEADER + "\n" + line), season);
		assertThat(parsed.errors()).isEmpty();
		return parsed.entries().get(0);
	}

	private static BroadcastTime time(String lineOrHours) {
		String line = lineOrHours.contains(";") ? lineOrHours : "9730;" + lineOrHours + ";;G;BBC;E;Eu;w;1;;";
		return single(line).time();
	}

}
