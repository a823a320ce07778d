package org.waveplan.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times are shown in UTC, with Korean time beside them where producers read them. */
final class Times {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter KST = DateTimeFormatter.ofPattern("MM-dd HH:mm 'KST'")
		.withZone(ZoneId.of("Asia/Seoul"));

	private Times() {
	}

	static String utc(Instant at) {
		return UTC.format(at);
	}

	static String kst(Instant at) {
		return KST.format(at);
	}

}
