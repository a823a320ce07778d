package org.waveplan.propagation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One broadcaster's entries of a real HFCC season as the propagation benchmark predicts them. Reads only the columns it
 * needs (the schedule module's parser is package-private there and checks much more): frequency, start, stop, CIRAF
 * zones, site, power and broadcaster of the schedule, and the site table's coordinates (degrees and minutes).
 */
final class HfccOwnSlots {

	private HfccOwnSlots() {
	}

	/**
	 * An entry to predict: its line in the file, its site, frequency and power, the UTC hours it covers (hour h stands
	 * for h:00 to h+1:00, taken when the entry is on air in any part of it) and its target zones' test points.
	 */
	record OwnSlot(int line, String site, GeoPoint position, double mhz, double powerKw, List<Integer> utcHours,
			List<CirafTestPoint> points) {
	}

	static List<OwnSlot> read(Path schedule, Path siteTable, String broadcaster) {
		Map<String, GeoPoint> sites = sites(lines(siteTable));
		List<String> lines = lines(schedule);
		List<OwnSlot> slots = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.startsWith(";") || !column(line, 118, 120).equals(broadcaster)) {
				continue;
			}
			String site = column(line, 48, 50);
			GeoPoint position = sites.get(site);
			if (position == null) {
				throw new IllegalStateException("line " + (i + 1) + ": site " + site + " is not in " + siteTable);
			}
			slots.add(new OwnSlot(i + 1, site, position, Integer.parseInt(column(line, 1, 5)) / 1000.,
					Integer.parseInt(column(line, 52, 55)), hours(minutes(column(line, 7, 10)),
							minutes(column(line, 12, 15))),
					testPoints(column(line, 17, 46))));
		}
		return slots;
	}

	// "A-A Alma Ata ... KAZ 43N17 077E00"
	private static Map<String, GeoPoint> sites(List<String> lines) {
		Map<String, GeoPoint> sites = new HashMap<>();
		for (String line : lines) {
			if (!line.startsWith(";") && line.length() >= 51) {
				sites.put(column(line, 1, 3), new GeoPoint(degrees(column(line, 40, 44), 'S'),
						degrees(column(line, 46, 51), 'W')));
			}
		}
		return sites;
	}

	private static double degrees(String dms, char negative) {
		int hemisphere = dms.length() - 3;
		double value = Integer.parseInt(dms.substring(0, hemisphere)) + Integer.parseInt(dms.substring(hemisphere + 1))
				/ 60.;
		return dms.charAt(hemisphere) == negative ? -value : value;
	}

	private static int minutes(String hhmm) {
		return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(2));
	}

	private static List<Integer> hours(int start, int stop) {
		int end = stop <= start ? stop + 24 * 60 : stop;
		TreeSet<Integer> hours = new TreeSet<>();
		for (int hour = start / 60; hour * 60 < end; hour++) {
			hours.add(hour % 24);
		}
		return List.copyOf(hours);
	}

	// "44NE,45N", "4,9,27,37-39": each item's zones whole or in the part
	private static List<CirafTestPoint> testPoints(String zones) {
		Map<Integer, CirafTestPoint> points = new LinkedHashMap<>();
		for (String item : zones.split(",")) {
			String digits = item.replaceAll("[A-Z]+$", "");
			String part = item.substring(digits.length());
			String[] range = digits.split("-");
			int last = Integer.parseInt(range[range.length - 1]);
			for (int zone = Integer.parseInt(range[0]); zone <= last; zone++) {
				CirafTestPoints.voacap().of(zone, part).forEach(p -> points.putIfAbsent(p.number(), p));
			}
		}
		return List.copyOf(points.values());
	}

	private static String column(String line, int first, int last) {
		return line.length() < first ? "" : line.substring(first - 1, Math.min(last, line.length())).strip();
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
