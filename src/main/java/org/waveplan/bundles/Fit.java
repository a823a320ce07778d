package org.waveplan.bundles;

/** What to do when a bundle would not fit its card: refuse it, or lower its bitrate down to 24 kb/s. */
enum Fit {

	REFUSE, BITRATE

}
