package org.waveplan.shared;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One byte range of a file, {@code first} to {@code last} inclusive, as HTTP's {@code Range} asks for it. */
public record ByteRange(long first, long last) {

	private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

	/** Thrown for a range that lies outside the file: answered 416. */
	public static final class Unsatisfiable extends RuntimeException {

		Unsatisfiable() {
			super(null, null, false, false);
		}

	}

	/**
	 * The range the header asks for, or empty for the whole file: no header, several ranges (which a server may
	 * answer whole) or one it does not understand.
	 * @throws Unsatisfiable if the range starts past the end of the file
	 */
	public static Optional<ByteRange> of(String header, long size) {
		if (header == null) {
			return Optional.empty();
		}
		Matcher m = SINGLE.matcher(header.trim());
		if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
			return Optional.empty();
		}
		try {
			if (m.group(1).isEmpty()) {
				long suffix = Long.parseLong(m.group(2));
				if (suffix == 0 || size == 0) {
					throw new Unsatisfiable();
				}
				return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
			}
			long first = Long.parseLong(m.group(1));
			long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
			if (first >= size || last < first) {
				throw new Unsatisfiable();
			}
			return Optional.of(new ByteRange(first, last));
		}
		catch (NumberFormatException tooLong) {
			return Optional.empty();
		}
	}

	public long length() {
		return last - first + 1;
	}

}
