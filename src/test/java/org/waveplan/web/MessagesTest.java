package org.waveplan.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every word of the pages in both languages: a key missing from one file would show as ??key?? to its readers. */
class MessagesTest {

	private static final Path RESOURCES = Path.of("src/main/resources");

	// a message key written out whole in a template: #{key} or #{key(args)}; keys put together at run time are not
	private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)[}(]");

	@Test
	void koreanAndEnglishHaveTheSameKeys() throws IOException {
		Set<String> english = keys("messages_en.properties");
		Set<String> korean = keys("messages_ko.properties");
		assertThat(new TreeSet<>(korean)).as("keys in English but not in Korean")
			.containsAll(english);
		assertThat(new TreeSet<>(english)).as("keys in Korean but not in English").containsAll(korean);
	}

	@Test
	void koreanIsKorean() throws IOException {
		Properties korean = load("messages_ko.properties");
		long hangul = korean.values()
			.stream()
			.map(String::valueOf)
			.filter(v -> v.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL))
			.count();
		// a few values are the same in both (units, codes, names): most must be Korean
		assertThat(hangul).as("Korean values with Hangul").isGreaterThan(korean.size() * 3L / 4);
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Set<String> english = keys("messages_en.properties");
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
			for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher key = KEY.matcher(Files.readString(template));
				while (key.find()) {
					if (!english.contains(key.group(1))) {
						missing.add(RESOURCES.relativize(template) + ": " + key.group(1));
					}
				}
			}
		}
		assertThat(missing).as("message keys the templates use that no file has").isEmpty();
	}

	private static Set<String> keys(String file) throws IOException {
		return load(file).stringPropertyNames();
	}

	private static Properties load(String file) throws IOException {
		Properties properties = new Properties();
		try (Reader in = Files.newBufferedReader(RESOURCES.resolve(file), StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}

}
