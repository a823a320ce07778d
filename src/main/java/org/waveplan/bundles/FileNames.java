package org.waveplan.bundles;

/** How the audio files of a bundle are named: {@code 01.mp3}, or by their titles when asked. */
enum FileNames {

	NEUTRAL, TITLES

}
