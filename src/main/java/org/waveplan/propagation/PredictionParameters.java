package org.waveplan.propagation;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.waveplan.shared.ProblemException;

/**
 * A prediction's parameters as people write them in a query, read the same way wherever a prediction is asked: each
 * reader adds the problem of its field to this one and answers null, and {@link #throwIfAny} refuses the request
 * naming every bad field, before anything is computed.
 */
public final class PredictionParameters {

	/** The lowest and highest frequency the method is for, MHz. */
	public static final double LOWEST_MHZ = 2;

	public static final double HIGHEST_MHZ = 30;

	private static final Pattern HOUR_ITEM = Pattern.compile("(\\d{1,2})(?:-(\\d{1,2}))?");

	private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(?:\\.\\d+)?");

	private static final Pattern ZONE = Pattern.compile("(\\d{1,2})(NE|NW|SE|SW|N|S|E|W)?");

	private final List<Map<String, Object>> errors = new ArrayList<>();

	/** A month {@code yyyy-MM} as the sunspot table keys it; none given: the current month by {@code clock}. */
	public YearMonth month(String field, String text, Clock clock) {
		if (text == null || text.isBlank()) {
			return YearMonth.now(clock);
		}
		try {
			return SunspotNumbers.month(text.trim());
		}
		catch (ProblemException e) {
			return add(field, "'" + text + "' is not a month: give yyyy-MM, e.g. 2026-03");
		}
	}

	/** A sunspot number, 0-300, or null when none is given (the table's is taken). */
	public Double ssn(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		Double ssn = number(field, text);
		if (ssn != null && !(ssn >= 0 && ssn <= SunspotNumbers.MAX)) {
			return add(field, text + " is not a smoothed sunspot number: 0 to 300");
		}
		return ssn;
	}

	/**
	 * UTC hours: a list {@code 0,6,12}, ranges {@code 0-23} or {@code 22-2} (over midnight), or both; none given: every
	 * hour. In the order given, each once.
	 */
	public List<Integer> hours(String field, String text) {
		Set<Integer> hours = new LinkedHashSet<>();
		if (text == null || text.isBlank()) {
			text = "0-23";
		}
		for (String item : text.split(",", -1)) {
			Matcher m = HOUR_ITEM.matcher(item.trim());
			int from = m.matches() ? Integer.parseInt(m.group(1)) : -1;
			int to = m.matches() ? (m.group(2) == null ? from : Integer.parseInt(m.group(2))) : -1;
			if (from < 0 || from > 23 || to > 23) {
				return add(field, "'" + item.trim() + "' is not a UTC hour 0-23 or a range such as 0-23 or 22-2");
			}
			for (int hour = from;; hour = (hour + 1) % 24) {
				hours.add(hour);
				if (hour == to) {
					break;
				}
			}
		}
		return List.copyOf(hours);
	}

	/**
	 * Frequencies in MHz, {@code 5.9,9.5,11.7}: at least one, at most {@code max}, each 2-30 MHz, each to the kHz and
	 * each once (9.5 and 9.5004 are one).
	 */
	public List<Double> frequencies(String field, String text, int max) {
		if (text == null || text.isBlank()) {
			return add(field, "give up to " + max + " frequencies in MHz, e.g. 5.9,9.5,11.7");
		}
		Set<Double> frequencies = new LinkedHashSet<>();
		for (String item : text.split(",", -1)) {
			Double mhz = number(field, item);
			if (mhz == null) {
				return null;
			}
			if (!(mhz >= LOWEST_MHZ && mhz <= HIGHEST_MHZ)) {
				return add(field, item.trim() + " MHz is outside 2 to 30 MHz");
			}
			frequencies.add(Math.round(mhz * 1000) / 1000.0);
		}
		if (frequencies.size() > max) {
			return add(field, frequencies.size() + " frequencies: at most " + max + " at once");
		}
		return List.copyOf(frequencies);
	}

	/** A place {@code lat,lon} in degrees, north and east positive. */
	public GeoPoint place(String field, String text) {
		String[] parts = text == null ? new String[0] : text.split(",", -1);
		if (parts.length != 2) {
			return add(field, "'" + text + "' is not a place: give latitude,longitude in degrees, e.g. 39.0,125.75");
		}
		Double latitude = number(field, parts[0]);
		Double longitude = latitude == null ? null : number(field, parts[1]);
		if (longitude == null) {
			return null;
		}
		try {
			return new GeoPoint(latitude, longitude);
		}
		catch (IllegalArgumentException e) {
			return add(field, e.getMessage());
		}
	}

	/** A CIRAF zone's test points: {@code 44}, or a part of it such as {@code 44NE}. */
	public List<CirafTestPoint> zone(String field, String text) {
		Matcher m = ZONE.matcher(text == null ? "" : text.trim().toUpperCase());
		if (!m.matches()) {
			return add(field, "'" + text + "' is not a CIRAF zone 1-" + CirafTestPoints.ZONES + " (a part may follow: 44NE)");
		}
		try {
			return CirafTestPoints.voacap().of(Integer.parseInt(m.group(1)), m.group(2));
		}
		catch (IllegalArgumentException e) {
			return add(field, e.getMessage());
		}
	}

	/** A transmitter power in kW, above 0 and at most 10,000 (no broadcast transmitter is stronger). */
	public Double powerKw(String field, String text) {
		Double kw = number(field, text);
		if (kw != null && !(kw > 0 && kw <= 10_000)) {
			return add(field, text + " kW is not a transmitter power: above 0, at most 10000");
		}
		return kw;
	}

	/** A problem of a field that only the caller can see. */
	public <T> T add(String field, String reason) {
		errors.add(Map.of("field", field, "reason", reason));
		return null;
	}

	/** The problems so far, each a map with {@code field} and {@code reason}. */
	public List<Map<String, Object>> errors() {
		return List.copyOf(errors);
	}

	/** Refuses the request, naming every bad field, if any was. */
	public void throwIfAny() {
		if (!errors.isEmpty()) {
			throw ProblemException.invalid(errors);
		}
	}

	// a plain decimal: Double.parseDouble would take 10d, 0x1.4p3, 1e3 and Infinity too
	private Double number(String field, String text) {
		String trimmed = text == null ? "" : text.trim();
		double value = DECIMAL.matcher(trimmed).matches() ? Double.parseDouble(trimmed) : Double.NaN;
		return Double.isFinite(value) ? value : add(field, ProblemException.unreadable(trimmed));
	}

}
