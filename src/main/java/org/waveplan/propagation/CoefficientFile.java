package org.waveplan.propagation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * One of VOACAP's ASCII coefficient files: blocks, each a line of text naming it (`IKIM(10,6)`, `month= 3`,
 * `ANEW(3),BNEW(3),ACHI(2),BCHI(2)`) and the numbers that follow it, Fortran arrays in column-major order. A block
 * whose label gives its arrays' dimensions must hold exactly that many numbers.
 */
final class CoefficientFile {

	private static final Pattern ARRAY = Pattern.compile("([A-Z][A-Z0-9]*)\\(([0-9,]+)\\)");

	private final String name;

	private final Map<String, double[]> blocks;

	private CoefficientFile(String name, Map<String, double[]> blocks) {
		this.name = name;
		this.blocks = blocks;
	}

	/** The gzipped file of that name among the packaged resources under {@code propagation/}. */
	static CoefficientFile resource(String fileName) {
		String path = "propagation/" + fileName + ".gz";
		try (InputStream raw = CoefficientFile.class.getClassLoader().getResourceAsStream(path)) {
			if (raw == null) {
				throw new IllegalStateException(path + " is not on the class path");
			}
			return read(fileName, new GZIPInputStream(raw));
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + path, e);
		}
	}

	static CoefficientFile read(String name, InputStream in) throws IOException {
		var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
		Map<String, double[]> blocks = new LinkedHashMap<>();
		String label = null;
		List<Double> numbers = new ArrayList<>();
		int lineNumber = 0;
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			lineNumber++;
			String text = line.strip();
			if (text.isEmpty()) {
				continue;
			}
			if (Character.isLetter(text.charAt(0))) {
				close(name, label, numbers, blocks);
				label = text;
				numbers.clear();
				continue;
			}
			if (label == null) {
				throw new IllegalStateException(name + " line " + lineNumber + ": numbers before any label");
			}
			for (String token : text.split("\\s+")) {
				try {
					// VOACAP holds them as REAL*4
					numbers.add((double) Float.parseFloat(token));
				}
				catch (NumberFormatException e) {
					throw new IllegalStateException(name + " line " + lineNumber + ": not a number: " + token);
				}
			}
		}
		close(name, label, numbers, blocks);
		return new CoefficientFile(name, blocks);
	}

	private static void close(String file, String label, List<Double> numbers, Map<String, double[]> blocks) {
		if (label == null) {
			return;
		}
		int expected = declaredSize(label);
		if (expected >= 0 && expected != numbers.size()) {
			throw new IllegalStateException(
					file + ": block " + label + " holds " + numbers.size() + " numbers, not " + expected);
		}
		blocks.put(key(label), numbers.stream().mapToDouble(Double::doubleValue).toArray());
	}

	/** The label's first word: the array's name ({@code IKIM}, {@code ANEW}) or {@code month=}. */
	private static String key(String label) {
		Matcher array = ARRAY.matcher(label);
		if (array.lookingAt()) {
			return array.group(1);
		}
		return label.startsWith("month=") ? "month=" + label.substring(6).strip().split("\\s+")[0] : label;
	}

	/** The number of values the arrays named in the label hold, or -1 if it names none. */
	private static int declaredSize(String label) {
		Matcher array = ARRAY.matcher(label);
		int total = 0;
		boolean any = false;
		while (array.find()) {
			int size = 1;
			for (String dimension : array.group(2).split(",")) {
				size *= Integer.parseInt(dimension);
			}
			total += size;
			any = true;
		}
		return any ? total : -1;
	}

	/** The numbers of the block named so ({@code IKIM}, {@code month=4}). */
	double[] block(String key) {
		double[] numbers = blocks.get(key);
		if (numbers == null) {
			throw new IllegalStateException(name + " has no block " + key);
		}
		return numbers;
	}

	int[] integers(String key) {
		double[] numbers = block(key);
		int[] integers = new int[numbers.length];
		for (int i = 0; i < numbers.length; i++) {
			integers[i] = (int) numbers[i];
		}
		return integers;
	}

}
