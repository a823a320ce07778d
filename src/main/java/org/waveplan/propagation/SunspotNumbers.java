package org.waveplan.propagation;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waveplan.shared.ProblemException;

/**
 * The monthly table of smoothed sunspot numbers (SSN) that predictions take: a prediction for a month names its
 * number, or is given one. Numbers are 0-300 and kept to one decimal; the API, the demo and the engine share these
 * rules.
 */
@Service
public class SunspotNumbers {

	/** The highest smoothed sunspot number taken: cycle 19, the highest on record, peaked near 285. */
	static final double MAX = 300;

	private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

	private final SunspotNumberRepository numbers;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	SunspotNumbers(SunspotNumberRepository numbers, Clock clock, ApplicationEventPublisher events) {
		this.numbers = numbers;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * The month's number from the table; a month without one is a 400 problem at {@code month}, which leaves the
	 * caller's transaction as it was (a caller may go on without the number).
	 */
	@Transactional(readOnly = true, noRollbackFor = ProblemException.class)
	public double of(YearMonth month) {
		return find(month).map(SunspotNumber::ssn)
			.orElseThrow(() -> ProblemException.invalid("month", "no sunspot number for " + month
					+ ": PUT /api/propagation/ssn/" + month + ", or give ssn"));
	}

	/** The number given ({@code ssn}, checked 0-300), else the month's from the table as {@link #of(YearMonth)}. */
	public double of(YearMonth month, Double ssn) {
		return ssn != null ? checked(ssn) : of(month);
	}

	@Transactional(readOnly = true)
	List<SunspotNumber> all() {
		return numbers.findAllByOrderByMonthKey();
	}

	@Transactional(readOnly = true)
	Optional<SunspotNumber> find(YearMonth month) {
		return numbers.findById(month.toString());
	}

	/** Sets the month's number, or replaces it; true when the month had none. */
	@Transactional
	Stored put(YearMonth month, Double ssn, String by) {
		// checked before the table is read: a bad number costs no lookup
		double value = checked(ssn);
		Optional<SunspotNumber> before = find(month);
		SunspotNumber number = before.orElseGet(() -> new SunspotNumber(month));
		number.set(value, by, clock.instant());
		events.publishEvent(new SunspotNumberChanged(month));
		return new Stored(numbers.save(number), before.isEmpty());
	}

	/** What {@link #put} stored, and whether the month had no number before. */
	record Stored(SunspotNumber number, boolean created) {
	}

	@Transactional
	void delete(YearMonth month) {
		numbers.delete(find(month).orElseThrow(() -> notFound(month)));
	}

	static ProblemException notFound(YearMonth month) {
		return ProblemException.notFound("no sunspot number for " + month);
	}

	/** A month as {@code yyyy-MM}; anything else is a 400 problem at {@code month}. */
	static YearMonth month(String text) {
		if (text != null && MONTH.matcher(text).matches()) {
			try {
				return YearMonth.parse(text);
			}
			catch (DateTimeException e) {
				// a month past 12: refused below
			}
		}
		throw ProblemException.invalid("month", "'" + text + "' is not a month: give yyyy-MM, e.g. 2026-03");
	}

	private static double checked(Double ssn) {
		if (ssn == null) {
			throw ProblemException.invalid("ssn", "give the month's smoothed sunspot number, 0 to 300");
		}
		// NaN fails both comparisons
		if (!(ssn >= 0 && ssn <= MAX)) {
			throw ProblemException.invalid("ssn", ssn + " is not a smoothed sunspot number: 0 to 300");
		}
		return ssn;
	}

}
