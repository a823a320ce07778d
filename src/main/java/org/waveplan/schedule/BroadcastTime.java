package org.waveplan.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;

/**
 * When a recurring slot is on air: from {@code start} to {@code stop} UTC (minutes of the day;
 * stop may be 1440 for 24:00, and a stop at or before the start crosses midnight) on the given
 * days of the week, for airings starting from {@code validFrom} to {@code validTo} inclusive.
 *
 * <p>Overlap is exact. The weekly pattern decides whenever the two date ranges share at least
 * eight days (nine with a margin), because then every pair of weekdays that an airing can reach
 * from one to the other occurs inside them; shorter intersections are settled by comparing the
 * concrete airings.
 */
@Embeddable
public record BroadcastTime(@Column(name = "start_minute") int start, @Column(name = "stop_minute") int stop,
		@Convert(converter = Weekdays.Mask.class) Weekdays days, LocalDate validFrom, LocalDate validTo) {

	static final int DAY = 1440;

	static final int WEEK = 7 * DAY;

	public BroadcastTime {
		if (start < 0 || start >= DAY) {
			throw new IllegalArgumentException("start must be 00:00 to 23:59");
		}
		if (stop <= 0 || stop > DAY) {
			throw new IllegalArgumentException("stop must be 00:01 to 24:00");
		}
		if (start == stop) {
			throw new IllegalArgumentException("start and stop are the same time");
		}
		if (validTo.isBefore(validFrom)) {
			throw new IllegalArgumentException("valid-to " + validTo + " is before valid-from " + validFrom);
		}
	}

	/**
	 * When the airing of a day starts, if there is one: the day must be one of the days of the
	 * week and within the dates. A season changeover Sunday ends one season and begins the next at
	 * 01:00 UTC, as HFCC dates do: a range ending on it keeps only airings before 01:00, a range
	 * beginning on it only those from 01:00.
	 */
	public Optional<Instant> airingOn(LocalDate day) {
		if (day.isBefore(validFrom) || day.isAfter(validTo) || !days.contains(day.getDayOfWeek())) {
			return Optional.empty();
		}
		Instant startsAt = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(start * 60L);
		Season season = Season.containing(day);
		if (season.firstDay().equals(day)) {
			boolean beforeChangeover = startsAt.isBefore(season.start());
			if ((day.equals(validTo) && !beforeChangeover) || (day.equals(validFrom) && beforeChangeover)) {
				return Optional.empty();
			}
		}
		return Optional.of(startsAt);
	}

	boolean crossesMidnight() {
		return stop < start;
	}

	/** Minutes on air per airing. */
	public int duration() {
		return crossesMidnight() ? stop + DAY - start : stop - start;
	}

	/**
	 * The weekly airings as [start, end) pairs in minutes from Monday 00:00, in order; an end may
	 * pass the end of the week (a Sunday airing crossing midnight).
	 */
	int[] weeklyIntervals() {
		int[] intervals = new int[Integer.bitCount(days.mask()) * 2];
		int i = 0;
		for (int d = 0; d < 7; d++) {
			if ((days.mask() & (1 << d)) != 0) {
				intervals[i++] = d * DAY + start;
				intervals[i++] = d * DAY + start + duration();
			}
		}
		return intervals;
	}

	boolean overlaps(BroadcastTime other) {
		return overlaps(other, 0);
	}

	/**
	 * Whether an airing of this and one of the other come closer than {@code margin} minutes
	 * (0: whether they overlap at all).
	 */
	boolean overlaps(BroadcastTime other, int margin) {
		// days after its start day that an airing reaches: the next one when it crosses midnight,
		// one more when the margin carries a day-long airing past the following midnight
		int reach = 1 + (margin + DAY - 1) / DAY;
		long firstDay = Math.max(validFrom.toEpochDay(), other.validFrom.toEpochDay());
		long lastDay = Math.min(validTo.toEpochDay(), other.validTo.toEpochDay());
		if (lastDay - firstDay < -reach) {
			return false;
		}
		// the shared days hold every run of reach + 1 consecutive weekdays
		if (lastDay - firstDay >= 6 + reach) {
			return weeklyOverlap(other, margin);
		}
		return concreteOverlap(other, margin, firstDay - reach, lastDay + reach);
	}

	private boolean weeklyOverlap(BroadcastTime other, int margin) {
		int[] a = weeklyIntervals();
		int[] b = other.weeklyIntervals();
		for (int i = 0; i < a.length; i += 2) {
			for (int j = 0; j < b.length; j += 2) {
				for (int shift = -WEEK; shift <= WEEK; shift += WEEK) {
					if (a[i] < b[j + 1] + shift + margin && b[j] + shift < a[i + 1] + margin) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private boolean concreteOverlap(BroadcastTime other, int margin, long fromDay, long toDay) {
		for (long d = Math.max(fromDay, validFrom.toEpochDay()); d <= Math.min(toDay, validTo.toEpochDay()); d++) {
			if (!airsOn(d)) {
				continue;
			}
			long aStart = d * DAY + start;
			long aEnd = aStart + duration();
			for (long e = Math.max(fromDay, other.validFrom.toEpochDay()); e <= Math.min(toDay, other.validTo.toEpochDay()); e++) {
				if (other.airsOn(e)) {
					long bStart = e * DAY + other.start;
					long bEnd = bStart + other.duration();
					if (aStart < bEnd + margin && bStart < aEnd + margin) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private boolean airsOn(long epochDay) {
		return days.contains(dayOfWeek(epochDay));
	}

	static DayOfWeek dayOfWeek(long epochDay) {
		// 1970-01-01 was a Thursday
		return DayOfWeek.of((int) Math.floorMod(epochDay + 3, 7) + 1);
	}

}
