package org.waveplan.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The web UI's own handling of a page that fails, for a {@code @WebMvcTest} slice of a module's pages, which picks
 * up no exception resolver of its own: without it a page's error would be answered as the API's problem JSON.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(PageErrors.class)
public class PageSlice {

	private static final Pattern FIELD = Pattern.compile("<(?:input|select|textarea)\\b[^>]*>");

	private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");

	/** The fields a person fills in on the page (all but hidden ones) that no {@code <label for>} names. */
	public static List<String> unlabelledFields(String page) {
		List<String> unlabelled = new ArrayList<>();
		Matcher fields = FIELD.matcher(page);
		while (fields.find()) {
			String field = fields.group();
			Matcher id = ID.matcher(field);
			if (!field.contains("type=\"hidden\"") && !(id.find() && page.contains("for=\"" + id.group(1) + "\""))) {
				unlabelled.add(field);
			}
		}
		return unlabelled;
	}

	/** How many fields a person fills in on the page. */
	public static long fields(String page) {
		return FIELD.matcher(page).results().filter(field -> !field.group().contains("type=\"hidden\"")).count();
	}

}
