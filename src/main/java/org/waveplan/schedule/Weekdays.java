package org.waveplan.schedule;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Days of the week on which a slot airs, as a bit mask (bit 0 = Monday ... bit 6 = Sunday),
 * the start day of each airing: an airing that crosses midnight belongs to the day it starts.
 */
record Weekdays(int mask) {

	static final Weekdays DAILY = new Weekdays(0x7f);

	Weekdays {
		if (mask <= 0 || mask > 0x7f) {
			throw new IllegalArgumentException("at least one day of the week is needed");
		}
	}

	static Weekdays of(Set<DayOfWeek> days) {
		int mask = 0;
		for (DayOfWeek d : days) {
			mask |= bit(d);
		}
		return new Weekdays(mask);
	}

	/** HFCC days field: the digits of the days on air, 1 = Sunday ... 7 = Saturday. */
	static Weekdays fromHfcc(String digits) {
		int mask = 0;
		for (char c : digits.toCharArray()) {
			if (c >= '1' && c <= '7') {
				mask |= bit(DayOfWeek.of(((c - '1') + 6) % 7 + 1));
			}
			else if (c != ' ') {
				throw new IllegalArgumentException("days must be digits 1 (Sunday) to 7 (Saturday), not '" + c + "'");
			}
		}
		return new Weekdays(mask);
	}

	String toHfcc() {
		StringBuilder digits = new StringBuilder();
		for (int hfcc = 1; hfcc <= 7; hfcc++) {
			DayOfWeek day = DayOfWeek.of((hfcc + 5) % 7 + 1);
			if (contains(day)) {
				digits.append(hfcc);
			}
		}
		return digits.toString();
	}

	boolean contains(DayOfWeek day) {
		return (mask & bit(day)) != 0;
	}

	Set<DayOfWeek> days() {
		EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (DayOfWeek d : DayOfWeek.values()) {
			if (contains(d)) {
				days.add(d);
			}
		}
		return days;
	}

	/** Stores the days as their bit mask. */
	@Converter
	static class Mask implements AttributeConverter<Weekdays, Integer> {

		@Override
		public Integer convertToDatabaseColumn(Weekdays days) {
			return days.mask();
		}

		@Override
		public Weekdays convertToEntityAttribute(Integer mask) {
			return new Weekdays(mask);
		}

	}

	static int bit(DayOfWeek day) {
		return 1 << (day.getValue() - 1);
	}

}
