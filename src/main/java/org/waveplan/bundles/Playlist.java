package org.waveplan.bundles;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code playlist.m3u8}: extended M3U in UTF-8 with LF line ends, every episode's length in seconds, title and path
 * relative to the playlist (as players resolve it), in the bundle's order.
 */
final class Playlist {

	static final String NAME = "playlist.m3u8";

	private Playlist() {
	}

	static byte[] of(List<BundleItem> items) {
		StringBuilder m3u = new StringBuilder("#EXTM3U\n");
		for (BundleItem item : items) {
			// a line break in a title would end the line early and make the rest a path
			String title = item.title().replaceAll("[\\r\\n\\x00-\\x1F\\x7F]+", " ").strip();
			m3u.append("#EXTINF:").append(item.seconds()).append(',').append(title).append('\n');
			m3u.append(item.path()).append('\n');
		}
		return m3u.toString().getBytes(StandardCharsets.UTF_8);
	}

}
