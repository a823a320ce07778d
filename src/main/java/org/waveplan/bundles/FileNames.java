package org.waveplan.bundles;

import java.util.List;

/** How the audio files of a bundle are named: {@code 01.mp3}, or by their titles when asked. */
enum FileNames {

	NEUTRAL, TITLES;

	/** The files' names for the episodes' titles, in their order. */
	List<String> of(List<String> titles, String extension) {
		return this == TITLES ? FatNames.fromTitles(titles, extension) : FatNames.neutral(titles.size(), extension);
	}

}
