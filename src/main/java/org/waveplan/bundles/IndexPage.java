package org.waveplan.bundles;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code index.html}: a plain HTML5 page that works opened from the card ({@code file://}) with no network and no
 * script: per program a heading, per episode its title, length, an {@code <audio controls>} and a plain link, both
 * relative to the page. The page's own few words in Korean or English, from the small dictionary here; nothing on
 * it names who made it, where or when. Every title is escaped.
 */
final class IndexPage {

	static final String NAME = "index.html";

	private static final Map<String, Map<String, String>> WORDS = Map.of(
			"ko", Map.of("title", "녹음 모음", "duration", "길이", "open", "파일 열기", "episodes", "편"),
			"en", Map.of("title", "Recordings", "duration", "Length", "open", "Open the file", "episodes",
					"episodes"));

	private IndexPage() {
	}

	/** The page in {@code ko} or {@code en}, the episodes grouped by program in the order programs first come. */
	static byte[] of(List<BundleItem> items, String language) {
		Map<String, String> words = WORDS.get(language);
		if (words == null) {
			throw new IllegalArgumentException("the index page speaks ko or en, not " + language);
		}
		Map<String, List<BundleItem>> programs = new LinkedHashMap<>();
		for (BundleItem item : items) {
			programs.computeIfAbsent(item.program(), p -> new ArrayList<>()).add(item);
		}
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html>\n<html lang=\"").append(language).append("\">\n<head>\n")
			.append("<meta charset=\"utf-8\">\n")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
			.append("<title>").append(words.get("title")).append("</title>\n")
			.append("<style>body{font-family:sans-serif;max-width:40em;margin:1em auto;padding:0 1em;line-height:1.5}")
			.append("li{margin:0 0 1.2em}audio{display:block;width:100%}</style>\n")
			.append("</head>\n<body>\n<h1>").append(words.get("title")).append("</h1>\n");
		programs.forEach((program, episodes) -> {
			html.append("<section>\n<h2>").append(escape(program)).append("</h2>\n<p>").append(episodes.size())
				.append(' ').append(words.get("episodes")).append("</p>\n<ol>\n");
			for (BundleItem episode : episodes) {
				String src = escape(href(episode.path()));
				html.append("<li>\n<p><strong>").append(escape(episode.title())).append("</strong> · ")
					.append(words.get("duration")).append(' ').append("<time>").append(episode.clock())
					.append("</time></p>\n")
					.append("<audio controls preload=\"none\" src=\"").append(src).append("\"></audio>\n")
					.append("<p><a href=\"").append(src).append("\">").append(words.get("open")).append("</a></p>\n")
					.append("</li>\n");
			}
			html.append("</ol>\n</section>\n");
		});
		html.append("</body>\n</html>\n");
		return html.toString().getBytes(StandardCharsets.UTF_8);
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	/** A bundle path as a relative URL: every byte of its UTF-8 but the unreserved ones percent-encoded. */
	static String href(String path) {
		StringBuilder url = new StringBuilder();
		for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if (c == '/' || c == '-' || c == '.' || c == '_' || c == '~' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
					|| (c >= '0' && c <= '9')) {
				url.append(c);
			}
			else {
				url.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
					.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
			}
		}
		return url.toString();
	}

}
