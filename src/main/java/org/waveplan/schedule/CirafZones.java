package org.waveplan.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.waveplan.propagation.CirafTestPoints;
import org.waveplan.propagation.GeoPoint;

/**
 * Target areas as CIRAF zones (1 to 85), each whole or in parts: quadrants {@code NE NW SE SW}
 * or halves {@code N S E W}. Written as in HFCC schedules: {@code 43N,44} or {@code 37-39}.
 * Kept as a bit set of zone quadrants so that an overlap test is a few AND operations.
 */
final class CirafZones {

	static final int MAX_ZONE = 85;

	/** Every zone: what an external entry without CIRAF zones (EiBi) is taken to reach. */
	static final CirafZones ALL = allZones();

	private static final Pattern ITEM = Pattern.compile("(\\d{1,2})(?:-(\\d{1,2}))?(NE|NW|SE|SW|N|S|E|W)?");

	private static final int WORDS = (MAX_ZONE * 4 + 63) / 64;

	private static final String[] QUADRANTS = { "NE", "NW", "SE", "SW" };

	/** Quadrant bits that make a whole zone or a part with a name of its own. */
	private static final Map<Integer, String> PART_NAMES = Map.of(0b1111, "", 0b0011, "N", 0b1100, "S", 0b0101, "E",
			0b1010, "W");

	private final long[] quadrants;

	private final String expression;

	private CirafZones(long[] quadrants, String expression) {
		this.quadrants = quadrants;
		this.expression = expression;
	}

	/**
	 * Parses a zone list such as {@code 43N,44} or {@code 37-39,41SE}.
	 * @throws CirafSyntaxException naming the position in the expression that is wrong
	 */
	static CirafZones parse(String expression) {
		if (expression == null || expression.isBlank()) {
			throw new CirafSyntaxException("no CIRAF zones given", 0);
		}
		long[] bits = new long[WORDS];
		List<String> items = new ArrayList<>();
		int position = 0;
		for (String raw : expression.split(",", -1)) {
			String item = raw.trim().toUpperCase();
			Matcher m = ITEM.matcher(item);
			if (!m.matches()) {
				throw new CirafSyntaxException("'" + raw.trim() + "' is not a CIRAF zone, a range such as 37-39 or a zone part such as 44NE", position);
			}
			int from = Integer.parseInt(m.group(1));
			int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
			if (from < 1 || to > MAX_ZONE || from > to) {
				throw new CirafSyntaxException("'" + item + "': CIRAF zones run from 1 to " + MAX_ZONE + ", in increasing order", position);
			}
			int parts = parts(m.group(3));
			for (int zone = from; zone <= to; zone++) {
				for (int q = 0; q < 4; q++) {
					if ((parts & (1 << q)) != 0) {
						int bit = (zone - 1) * 4 + q;
						bits[bit >>> 6] |= 1L << (bit & 63);
					}
				}
			}
			items.add(item);
			position += raw.length() + 1;
		}
		return new CirafZones(bits, String.join(",", items));
	}

	boolean overlaps(CirafZones other) {
		for (int i = 0; i < WORDS; i++) {
			if ((quadrants[i] & other.quadrants[i]) != 0) {
				return true;
			}
		}
		return false;
	}

	/** Whether any part of the zone is targeted. */
	boolean includes(int zone) {
		int bit = (zone - 1) * 4;
		return ((quadrants[bit >>> 6] >>> (bit & 63)) & 0xf) != 0;
	}

	/**
	 * The CIRAF test points propagation predicts the zones at: a whole zone's points, a half's or a quadrant's (as
	 * {@link CirafTestPoints} chooses them), each point once.
	 */
	List<GeoPoint> testPoints() {
		Set<GeoPoint> points = new LinkedHashSet<>();
		for (int zone = 1; zone <= MAX_ZONE; zone++) {
			int bit = (zone - 1) * 4;
			int parts = (int) ((quadrants[bit >>> 6] >>> (bit & 63)) & 0xf);
			String part = PART_NAMES.get(parts);
			if (part != null) {
				CirafTestPoints.voacap().of(zone, part).forEach(p -> points.add(p.position()));
			}
			else {
				for (int q = 0; q < 4; q++) {
					if ((parts & (1 << q)) != 0) {
						CirafTestPoints.voacap().of(zone, QUADRANTS[q]).forEach(p -> points.add(p.position()));
					}
				}
			}
		}
		return List.copyOf(points);
	}

	String expression() {
		return expression;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof CirafZones other && Arrays.equals(quadrants, other.quadrants);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(quadrants);
	}

	@Override
	public String toString() {
		return expression;
	}

	// bit per quadrant: NE 0, NW 1, SE 2, SW 3
	private static int parts(String part) {
		if (part == null) {
			return 0b1111;
		}
		return switch (part) {
			case "NE" -> 0b0001;
			case "NW" -> 0b0010;
			case "SE" -> 0b0100;
			case "SW" -> 0b1000;
			case "N" -> 0b0011;
			case "S" -> 0b1100;
			case "E" -> 0b0101;
			case "W" -> 0b1010;
			default -> throw new IllegalStateException(part);
		};
	}

	private static CirafZones allZones() {
		long[] bits = new long[WORDS];
		for (int bit = 0; bit < MAX_ZONE * 4; bit++) {
			bits[bit >>> 6] |= 1L << (bit & 63);
		}
		return new CirafZones(bits, "1-" + MAX_ZONE);
	}

	/** A zone expression that cannot be read, with the 0-based character position of the fault. */
	static class CirafSyntaxException extends IllegalArgumentException {

		private final int position;

		CirafSyntaxException(String message, int position) {
			super(message);
			this.position = position;
		}

		int position() {
			return position;
		}

	}

}
