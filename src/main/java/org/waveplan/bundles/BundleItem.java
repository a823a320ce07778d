package org.waveplan.bundles;

import java.time.Duration;

/** An episode as the index page and the playlist show it: its program, title, length and path in the bundle. */
record BundleItem(String program, String title, Duration duration, String path) {

	/** The length as {@code h:mm:ss}, rounded to the second. */
	String clock() {
		long seconds = seconds();
		return "%d:%02d:%02d".formatted(seconds / 3600, seconds / 60 % 60, seconds % 60);
	}

	long seconds() {
		return Math.round(duration.toMillis() / 1000.0);
	}

}
