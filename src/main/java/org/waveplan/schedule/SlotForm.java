package org.waveplan.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.waveplan.shared.ProblemException;

/**
 * The slot form's fields as typed, so that a refused form is drawn again as it was entered. Field
 * names are the API's ({@link SlotRequest}); {@code band} only narrows the channel suggestions.
 * Days not ticked are none, not every day: the form shows every box and the API's rule refuses none.
 */
record SlotForm(String site, String transmitter, String antenna, String frequencyKhz, String start, String stop,
		List<DayOfWeek> days, String validFrom, String validTo, String targets, String azimuth, String powerKw,
		String language, String outOfBand, String program, String band) {

	/** A new slot at the site (or none): every day, the season in force. */
	static SlotForm blank(String site) {
		return new SlotForm(site, null, null, null, null, null, List.of(DayOfWeek.values()), null, null, null, null,
				null, null, null, null, null);
	}

	static SlotForm of(SlotView slot) {
		return new SlotForm(slot.site(), slot.transmitter(), slot.antenna(), String.valueOf(slot.frequencyKhz()),
				slot.start(), slot.stop(), List.copyOf(slot.days()), String.valueOf(slot.validFrom()),
				String.valueOf(slot.validTo()), slot.targets(), text(slot.azimuth()), text(slot.powerKw()),
				slot.language(), slot.outOfBand() ? "true" : null, slot.program(), slot.band());
	}

	public boolean hasDay(DayOfWeek day) {
		return days != null && days.contains(day);
	}

	public boolean isOutOfBand() {
		return "true".equals(outOfBand);
	}

	/**
	 * The request the API would have read, or the refusal it would have given for a value it cannot read
	 * (bean validation comes after, as in the API).
	 */
	SlotRequest request() {
		List<Map<String, Object>> errors = new ArrayList<>();
		Integer khz = value(errors, "frequencyKhz", frequencyKhz, Integer::valueOf);
		Integer degrees = value(errors, "azimuth", azimuth, Integer::valueOf);
		Integer kw = value(errors, "powerKw", powerKw, Integer::valueOf);
		LocalDate from = value(errors, "validFrom", validFrom, LocalDate::parse);
		LocalDate to = value(errors, "validTo", validTo, LocalDate::parse);
		if (!errors.isEmpty()) {
			throw ProblemException.invalid(errors);
		}
		return new SlotRequest(blankToNull(site), blankToNull(transmitter), blankToNull(antenna), khz, blankToNull(start),
				blankToNull(stop), daySet(), from, to, blankToNull(targets), degrees, kw, blankToNull(language),
				isOutOfBand(), blankToNull(program));
	}

	Set<DayOfWeek> daySet() {
		return days == null || days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
	}

	String bandOrNull() {
		return blankToNull(band);
	}

	private static <T> T value(List<Map<String, Object>> errors, String field, String text, Function<String, T> parse) {
		String value = blankToNull(text);
		if (value == null) {
			return null;
		}
		try {
			return parse.apply(value);
		}
		catch (NumberFormatException | DateTimeParseException e) {
			errors.add(Map.of("field", field, "reason", ProblemException.unreadable(value)));
			return null;
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

	private static String text(Integer value) {
		return value == null ? null : value.toString();
	}

}
