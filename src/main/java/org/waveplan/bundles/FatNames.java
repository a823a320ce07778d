package org.waveplan.bundles;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * File names a FAT32 card takes as they are, on every system that reads it. FAT32 long names are UTF-16 (Korean
 * titles survive), at most 255 units; they may not hold {@code " * / : < > ? \ |}, control characters or DEL, end
 * in a dot or a space, or be a device name of DOS/Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9, with any extension).
 * A whole path stays within 256 units, so that {@code E:\} before it and the closing NUL keep it inside Windows'
 * MAX_PATH of 260. Names compare without case on FAT: de-duplication does too.
 * <p>
 * A bundle is one flat folder: names taken from programs for folders would undo neutral names, and the index page
 * groups the episodes by program anyway.
 */
final class FatNames {

	static final int LONGEST_NAME = 255;

	static final int LONGEST_PATH = 256;

	private static final Pattern REFUSED = Pattern.compile("[\"*/:<>?\\\\|\\x00-\\x1F\\x7F]");

	private static final Pattern DEVICE = Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(\\..*)?");

	private FatNames() {
	}

	/** {@code 01.mp3, 02.mp3, ...}: numbered from 1, zero-padded to the count's width (at least two digits). */
	static List<String> neutral(int count, String extension) {
		int width = Math.max(2, String.valueOf(count).length());
		List<String> names = new ArrayList<>(count);
		for (int i = 1; i <= count; i++) {
			names.add(String.format(Locale.ROOT, "%0" + width + "d", i) + "." + extension);
		}
		return names;
	}

	/**
	 * Names from titles, in their order: each made safe, and a title met again (without case) gets {@code " (2)"},
	 * {@code " (3)"}, .... A title with nothing left of it takes the neutral name of its place.
	 */
	static List<String> fromTitles(List<String> titles, String extension) {
		List<String> numbers = neutral(titles.size(), extension);
		String suffix = "." + extension;
		Set<String> taken = new HashSet<>();
		List<String> names = new ArrayList<>(titles.size());
		for (int i = 0; i < titles.size(); i++) {
			String stem = stem(titles.get(i), suffix.length());
			String name = stem.isEmpty() ? numbers.get(i) : stem + suffix;
			for (int n = 2; !taken.add(name.toUpperCase(Locale.ROOT)); n++) {
				String tail = " (" + n + ")";
				name = stem(stem, suffix.length() + tail.length()) + tail + suffix;
			}
			names.add(name);
		}
		return names;
	}

	/** Refused characters become {@code _}; runs of white space one space; no dots or spaces at either end. */
	static String sanitize(String text) {
		String name = REFUSED.matcher(text.strip().replaceAll("\\s+", " ")).replaceAll("_");
		name = trimEnds(name);
		if (DEVICE.matcher(name).matches()) {
			name = "_" + name;
		}
		return name;
	}

	/** Refuses a path (in a ZIP, {@code /} between names) that a FAT32 card would not take as it is. */
	static void requireSafePath(String path) {
		if (path.isEmpty() || path.length() > LONGEST_PATH) {
			throw new IllegalArgumentException(
					"a path on a FAT32 card has 1 to " + LONGEST_PATH + " characters: " + path);
		}
		for (String name : path.split("/", -1)) {
			if (name.isEmpty() || name.length() > LONGEST_NAME || name.equals(".") || name.equals("..")
					|| !sanitize(name).equals(name)) {
				throw new IllegalArgumentException("not a name FAT32 takes as it is: \"" + name + "\" in " + path);
			}
		}
	}

	/** The sanitized title, cut so that {@code reserve} more units still fit in a name, never inside a pair. */
	private static String stem(String title, int reserve) {
		String stem = sanitize(title);
		int room = LONGEST_NAME - reserve;
		if (stem.length() > room) {
			int end = Character.isHighSurrogate(stem.charAt(room - 1)) ? room - 1 : room;
			stem = sanitize(stem.substring(0, end));
		}
		return stem;
	}

	private static String trimEnds(String name) {
		int start = 0;
		int end = name.length();
		while (start < end && (name.charAt(start) == '.' || name.charAt(start) == ' ')) {
			start++;
		}
		while (end > start && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
			end--;
		}
		return name.substring(start, end);
	}

}
