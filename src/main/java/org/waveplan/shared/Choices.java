package org.waveplan.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A value chosen from a fixed list (a codec, a file format, a role), as people write it: any case, '-' for '_'. One
 * reading and one refusal for the API's fields and the pages' forms alike.
 */
public final class Choices {

	private Choices() {
	}

	/** The constant the value names, if it names one. */
	public static <E extends Enum<E>> Optional<E> named(Class<E> type, String value) {
		if (value == null) {
			return Optional.empty();
		}
		String wanted = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
		return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(wanted)).findFirst();
	}

	/** Why the value names none of the type's constants, listing them as people write them. */
	public static String noneOf(Class<? extends Enum<?>> type, String value) {
		return "'" + value + "' is not one of " + Arrays.stream(type.getEnumConstants())
			.map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
			.collect(Collectors.joining(", "));
	}

	/** The constant the value names, or a 400 problem naming the field. */
	public static <E extends Enum<E>> E required(Class<E> type, String field, String value) {
		return named(type, value).orElseThrow(() -> ProblemException.invalid(field, noneOf(type, value)));
	}

}
