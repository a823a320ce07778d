package org.waveplan.schedule;

import java.time.Clock;
import java.time.LocalDate;

import org.waveplan.shared.ProblemException;

/** A date range asked for in a query; missing ends default to the season in force. */
record Period(LocalDate from, LocalDate to) {

	/** Without either end, the season in force today, by {@code clock}'s UTC date. */
	static Period of(LocalDate from, LocalDate to, Clock clock) {
		Season season = Season.containing(from != null ? from : to != null ? to : LocalDate.now(clock));
		Period period = new Period(from != null ? from : season.firstDay(), to != null ? to : season.lastDay());
		if (period.to.isBefore(period.from)) {
			throw ProblemException.invalid("to", "'to' " + period.to + " is before 'from' " + period.from);
		}
		return period;
	}

	static Period of(Season season) {
		return new Period(season.firstDay(), season.lastDay());
	}

}
