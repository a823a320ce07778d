package org.waveplan.shared;

import java.util.Arrays;

/** Conditional requests on strong entity tags. */
public final class ETags {

	private ETags() {
	}

	/** Whether an {@code If-None-Match} header names the tag, or {@code *}: then the answer is 304. */
	public static boolean noneMatchFails(String ifNoneMatch, String etag) {
		return ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(","))
			.map(String::trim)
			.anyMatch(tag -> tag.equals(etag) || tag.equals("*"));
	}

}
