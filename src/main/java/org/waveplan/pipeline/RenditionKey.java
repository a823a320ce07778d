package org.waveplan.pipeline;

import java.time.Duration;
import java.util.Locale;

import org.waveplan.audio.Metadata;
import org.waveplan.audio.OutputSpec;
import org.waveplan.shared.Sha256;

/**
 * The content address of a rendition: SHA-256 over everything that decides its bytes (source, ident, length,
 * the profile's sound, the processing version), and nothing else: two sites with the same profile share it, and
 * a profile's lead time does not change it.
 */
final class RenditionKey {

	private RenditionKey() {
	}

	static String of(String sourceSha256, String identSha256, Duration length, DeliveryProfileSpec profile,
			String processingVersion) {
		return of(sourceSha256, identSha256, length, profile.output("key"), processingVersion);
	}

	/** A file without metadata has a key of its own; a site's render (the encoder's names) keeps the key it had. */
	static String of(String sourceSha256, String identSha256, Duration length, OutputSpec spec,
			String processingVersion) {
		String canonical = String.format(Locale.ROOT,
				"waveplan-rendition/1|processing=%s|source=%s|ident=%s|length_ms=%d|codec=%s|bitrate=%d|rate=%d"
						+ "|channels=%d|target=%.2f|ceiling=%.2f|preset=%s",
				processingVersion, sourceSha256, identSha256 == null ? "-" : identSha256, length.toMillis(),
				spec.codec(), spec.codec().lossy() ? spec.bitrateKbps() : 0, spec.sampleRate(), spec.channels(),
				spec.targetLufs(), spec.truePeakCeilingDbtp(), spec.preset());
		return Sha256.hex(spec.metadata() == Metadata.ENCODER ? canonical
				: canonical + "|metadata=" + spec.metadata().name().toLowerCase(Locale.ROOT));
	}

}
