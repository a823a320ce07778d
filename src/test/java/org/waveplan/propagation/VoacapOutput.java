package org.waveplan.propagation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a driver of VOACAP's own routines printed (src/test/fortran), kept as a test resource: rows of numbers split
 * by spaces; blank lines and {@code #} comments are skipped.
 */
final class VoacapOutput {

	private VoacapOutput() {
	}

	static List<double[]> rows(String resource) throws IOException {
		List<double[]> rows = new ArrayList<>();
		try (InputStream in = VoacapOutput.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IOException("no test resource " + resource);
			}
			for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] fields = line.strip().split("\\s+");
				double[] row = new double[fields.length];
				for (int i = 0; i < fields.length; i++) {
					row[i] = Double.parseDouble(fields[i]);
				}
				rows.add(row);
			}
		}
		return rows;
	}

}
