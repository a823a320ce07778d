package org.waveplan.schedule;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** UTC times of day as schedules write them: {@code HH:MM} in the API, 00:00 to 24:00. */
final class HourMinute {

	private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-4]):([0-5]\\d)");

	private HourMinute() {
	}

	/** Minutes of the day; 24:00 is 1440. */
	static int parse(String hhmm) {
		Matcher m = HH_MM.matcher(hhmm == null ? "" : hhmm.trim());
		int minutes = m.matches() ? Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2)) : -1;
		if (minutes < 0 || minutes > BroadcastTime.DAY) {
			throw new IllegalArgumentException("'" + hhmm + "' is not a UTC time HH:MM from 00:00 to 24:00");
		}
		return minutes;
	}

	static String format(int minutes) {
		return "%02d:%02d".formatted(minutes / 60, minutes % 60);
	}

}
