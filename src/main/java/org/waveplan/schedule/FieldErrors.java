package org.waveplan.schedule;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.waveplan.propagation.PredictionParameters;
import org.waveplan.shared.ProblemException;

/**
 * Problems with the fields of an API request or the lines of a schedule file, gathered so that one
 * answer names them all. A reader of one part (a line, a YAML mapping) works on a {@link #part()},
 * which adds to the whole and tells whether that part was clean.
 */
final class FieldErrors {

	/** Where a field stands: in a file, its line and column; in a request, nowhere but its name. */
	@FunctionalInterface
	interface Place {

		Place REQUEST = (field, reason) -> new LineError(0, 0, field, reason);

		LineError at(String field, String reason);

	}

	private final List<LineError> errors;

	private final int before;

	FieldErrors() {
		this(new ArrayList<>());
	}

	private FieldErrors(List<LineError> errors) {
		this.errors = errors;
		this.before = errors.size();
	}

	/** Errors of one part, kept with these. */
	FieldErrors part() {
		return new FieldErrors(errors);
	}

	void add(LineError error) {
		errors.add(error);
	}

	/** A field of a request. */
	void add(String field, String reason) {
		add(Place.REQUEST.at(field, reason));
	}

	void add(Place place, String field, String reason) {
		add(place.at(field, reason));
	}

	/** A request's UTC time HH:MM as minutes of the day; -1 with the problem added if it is none. */
	int minutes(String field, String hhmm) {
		try {
			return HourMinute.parse(hhmm);
		}
		catch (IllegalArgumentException e) {
			add(field, e.getMessage());
			return -1;
		}
	}

	/** A request's date as ISO writes it; null when none was given, or with the problem added when it is none. */
	LocalDate date(String field, String iso) {
		if (iso == null || iso.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(iso.trim());
		}
		catch (DateTimeParseException e) {
			add(field, "a date is written like 2026-07-01, not '" + iso + "'");
			return null;
		}
	}

	/** A request's CIRAF zones; null with the problem, and where it is, added if they are none. */
	CirafZones zones(String field, String expression) {
		try {
			return CirafZones.parse(expression);
		}
		catch (CirafZones.CirafSyntaxException e) {
			add(field, e.getMessage() + " (at character " + (e.position() + 1) + ")");
			return null;
		}
	}

	void addAll(List<LineError> more) {
		errors.addAll(more);
	}

	/** The problems propagation's reader found in a request's fields. */
	void addAll(PredictionParameters read) {
		read.errors().forEach(e -> add((String) e.get("field"), (String) e.get("reason")));
	}

	/** No error since this part began. */
	boolean clean() {
		return errors.size() == before;
	}

	/** In file order. */
	List<LineError> list() {
		List<LineError> sorted = new ArrayList<>(errors.subList(before, errors.size()));
		sorted.sort(Comparator.comparingInt(LineError::line).thenComparingInt(LineError::column));
		return List.copyOf(sorted);
	}

	/** Refuses a request, naming every bad field. */
	void throwIfAny() {
		if (!clean()) {
			throw ProblemException.invalid(errors.subList(before, errors.size())
				.stream()
				.map(e -> Map.<String, Object>of("field", e.field(), "reason", e.reason()))
				.toList());
		}
	}

	/** Refuses a file whole, naming every bad line, unless lenient. */
	void refuseFileUnless(boolean lenient) {
		if (clean() || lenient) {
			return;
		}
		List<LineError> all = list();
		LineError first = all.get(0);
		throw new ProblemException(HttpStatus.BAD_REQUEST, "schedule-file-invalid", "Schedule file refused",
				"%d bad line(s); nothing was imported. First: line %d, column %d (%s): %s".formatted(all.size(),
						first.line(), first.column(), first.field(), first.reason()))
			.with("errors", all);
	}

}
