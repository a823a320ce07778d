package org.waveplan.bundles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.waveplan.shared.Sha256;

/**
 * {@code SHA256SUMS} as coreutils writes and reads it ({@code sha256sum -c SHA256SUMS} on the card): a line
 * {@code <hex>  <path>} per file, in the bundle's order, LF line ends.
 */
final class Checksums {

	static final String NAME = "SHA256SUMS";

	private Checksums() {
	}

	/** The lines for every entry but a {@code SHA256SUMS} itself. */
	static byte[] of(List<BundleEntry> entries) throws IOException {
		StringBuilder sums = new StringBuilder();
		for (BundleEntry entry : entries) {
			if (entry.path().equals(NAME)) {
				continue;
			}
			// coreutils escapes a name with a backslash or a line break; FAT-safe names have neither
			FatNames.requireSafePath(entry.path());
			try (InputStream in = entry.open()) {
				sums.append(Sha256.of(in)).append("  ").append(entry.path()).append('\n');
			}
		}
		return sums.toString().getBytes(StandardCharsets.UTF_8);
	}

}
