package org.waveplan.bundles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a bundle in the ZIP's order: {@code index.html} and {@code playlist.m3u8} first (a reader opening
 * the card sees them at the top), the audio in the episodes' order, {@code SHA256SUMS} of all of them last.
 */
final class BundleContents {

	private BundleContents() {
	}

	/** The entries for the episodes ({@link BundleItem#path()} each) and their encoded files, in the same order. */
	static List<BundleEntry> of(List<BundleItem> items, List<Path> audio, String language) throws IOException {
		if (items.size() != audio.size()) {
			throw new IllegalArgumentException(
					"a file for every episode: " + items.size() + " episodes, " + audio.size() + " files");
		}
		List<BundleEntry> entries = new ArrayList<>(items.size() + 3);
		entries.add(BundleEntry.bytes(IndexPage.NAME, IndexPage.of(items, language)));
		entries.add(BundleEntry.bytes(Playlist.NAME, Playlist.of(items)));
		for (int i = 0; i < items.size(); i++) {
			entries.add(BundleEntry.file(items.get(i).path(), audio.get(i)));
		}
		entries.add(BundleEntry.bytes(Checksums.NAME, Checksums.of(entries)));
		return entries;
	}

}
