package org.waveplan.propagation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The CIRAF test points by zone, from VOACAP's {@code cirafp.911} (packaged in the jar). A zone is numbered 1-85 as
 * everywhere in Waveplan; a part of it is chosen as in HFCC target areas and in VOACAP (zones_to_TP): a quadrant
 * {@code NE}, {@code NW}, {@code SE}, {@code SW} takes its own points, a half {@code N} or {@code S} the points whose
 * quadrant starts so, {@code E} or {@code W} those whose quadrant ends so. Where VOACAP has no point in the part
 * (zones it does not divide, such as 1-5), the part takes the whole zone's points: a target is never left without one.
 */
public final class CirafTestPoints {

	/** The highest zone number, as the schedule's CIRAF zones count them. */
	public static final int ZONES = 85;

	private static final String RESOURCE = "/propagation/cirafp.911";

	private static final Set<String> PARTS = Set.of("NE", "NW", "SE", "SW", "N", "S", "E", "W");

	private static final CirafTestPoints VOACAP = fromJar();

	private final List<List<CirafTestPoint>> byZone;

	private final List<CirafTestPoint> all;

	private CirafTestPoints(List<CirafTestPoint> points) {
		List<List<CirafTestPoint>> zones = new ArrayList<>();
		for (int zone = 0; zone <= ZONES; zone++) {
			zones.add(new ArrayList<>());
		}
		points.forEach(point -> zones.get(point.zone()).add(point));
		this.byZone = zones.stream().map(List::copyOf).toList();
		this.all = List.copyOf(points);
	}

	/** VOACAP's 911 points. */
	public static CirafTestPoints voacap() {
		return VOACAP;
	}

	/** Every point, in the file's order. */
	public List<CirafTestPoint> all() {
		return all;
	}

	/**
	 * A zone's points.
	 * @throws IllegalArgumentException naming the zone if it is not 1-85
	 */
	public List<CirafTestPoint> of(int zone) {
		return byZone.get(checked(zone));
	}

	/**
	 * The points of a part of a zone: {@code NE NW SE SW N S E W}, or null or empty for the whole zone.
	 * @throws IllegalArgumentException naming the zone or the part that does not exist
	 */
	public List<CirafTestPoint> of(int zone, String part) {
		List<CirafTestPoint> whole = of(zone);
		if (part == null || part.isEmpty()) {
			return whole;
		}
		if (!PARTS.contains(part)) {
			throw new IllegalArgumentException("CIRAF zone part '" + part + "' is none of NE, NW, SE, SW, N, S, E, W");
		}
		List<CirafTestPoint> chosen = whole.stream().filter(point -> inPart(point.quadrant(), part)).toList();
		return chosen.isEmpty() ? whole : chosen;
	}

	static CirafTestPoints read(Reader source) throws IOException {
		List<CirafTestPoint> points = new ArrayList<>();
		BufferedReader lines = new BufferedReader(source);
		String line;
		int lineNumber = 0;
		while ((line = lines.readLine()) != null) {
			lineNumber++;
			if (!line.isBlank()) {
				points.add(parse(line, lineNumber));
			}
		}
		return new CirafTestPoints(points);
	}

	// fixed columns, as VOACAP reads them (rdCIRAF: a4, i2, a1, i3, a1) and then the point's number (i4 from column 13)
	private static CirafTestPoint parse(String line, int lineNumber) {
		try {
			int zone = Integer.parseInt(line.substring(0, 2).trim());
			String quadrant = line.substring(2, 4).trim();
			int latitude = Integer.parseInt(line.substring(4, 6).trim());
			char ns = line.charAt(6);
			int longitude = Integer.parseInt(line.substring(7, 10).trim());
			char ew = line.charAt(10);
			int number = Integer.parseInt(line.substring(12, 16).trim());
			if (zone < 1 || zone > ZONES || (ns != 'N' && ns != 'S') || (ew != 'E' && ew != 'W')) {
				throw new IllegalArgumentException("zone, N/S or E/W");
			}
			return new CirafTestPoint(zone, quadrant,
					new GeoPoint(ns == 'S' ? -latitude : latitude, ew == 'W' ? -longitude : longitude), number);
		}
		catch (RuntimeException e) {
			throw new IllegalStateException("cirafp.911 line " + lineNumber + " is not a test point: '" + line + "'", e);
		}
	}

	private static boolean inPart(String quadrant, String part) {
		return switch (part) {
			case "N", "S" -> quadrant.startsWith(part);
			case "E", "W" -> quadrant.length() == 2 && quadrant.endsWith(part);
			default -> quadrant.equals(part);
		};
	}

	private static int checked(int zone) {
		if (zone < 1 || zone > ZONES) {
			throw new IllegalArgumentException("CIRAF zone " + zone + " does not exist: zones run from 1 to " + ZONES);
		}
		return zone;
	}

	private static CirafTestPoints fromJar() {
		try (InputStream in = CirafTestPoints.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the jar");
			}
			return read(new InputStreamReader(in, StandardCharsets.US_ASCII));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
