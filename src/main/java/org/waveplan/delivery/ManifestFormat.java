package org.waveplan.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.springframework.modulith.NamedInterface;

/**
 * A site's manifest as it goes over the wire: its JSON, and the header that carries an Ed25519 signature over its
 * exact bytes. The service writes it, the site agent reads and checks it: it is all the two share.
 */
@NamedInterface("manifest-format")
public final class ManifestFormat {

	/** The header that carries the signature. */
	public static final String SIGNATURE_HEADER = "Waveplan-Signature";

	/** The agent's seconds between polls, sent with each manifest request: the server cannot know it otherwise. */
	public static final String POLL_INTERVAL_HEADER = "Waveplan-Poll-Interval";

	private static final Pattern SIGNATURE = Pattern.compile("keyid=\"([0-9a-f]+)\", alg=\"ed25519\", sig=\"([^\"]+)\"");

	// instants as ISO-8601 text; an agent skips what a newer service adds
	private static final ObjectMapper JSON = JsonMapper.builder()
		.addModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private ManifestFormat() {
	}

	/**
	 * @param version grows with every change; a client refuses one that goes backwards
	 * @param expiresAt a client does not act on the manifest after this
	 */
	@NamedInterface("manifest-format")
	public record Manifest(String site, long version, Instant issuedAt, Instant expiresAt, List<Entry> airings) {
	}

	/** @param file {@code null} until the airing is rendered */
	@NamedInterface("manifest-format")
	public record Entry(long airingId, Instant startsAt, Instant stopsAt, String transmitter, int frequencyKhz,
			String program, String episode, Instant deadline, FileRef file) {
	}

	/** @param name {@code <rendition key>.<extension>}: the same bytes always have the same name */
	@NamedInterface("manifest-format")
	public record FileRef(String name, long sizeBytes, String sha256, String url) {
	}

	public static Manifest read(byte[] body) throws IOException {
		return JSON.readValue(body, Manifest.class);
	}

	/** The JSON of a manifest, or of a part of it. */
	static byte[] write(Object value) {
		try {
			return JSON.writeValueAsBytes(value);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The header's value for a signature (base64) by the key of that id. */
	static String signatureHeader(String keyId, String signature) {
		return "keyid=\"" + keyId + "\", alg=\"ed25519\", sig=\"" + signature + "\"";
	}

	/** Whether the header holds a signature of exactly these bytes by the key. */
	public static boolean verifies(byte[] body, String header, PublicKey key) {
		Matcher m = SIGNATURE.matcher(header == null ? "" : header);
		if (!m.matches()) {
			return false;
		}
		try {
			Signature verifier = Signature.getInstance("Ed25519");
			verifier.initVerify(key);
			verifier.update(body);
			return verifier.verify(Base64.getDecoder().decode(m.group(2)));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

	/** A public key as the service shows it to be pinned: X.509 DER, base64. */
	public static PublicKey publicKey(String base64) throws GeneralSecurityException {
		try {
			return KeyFactory.getInstance("Ed25519")
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.trim())));
		}
		catch (IllegalArgumentException ex) {
			throw new GeneralSecurityException("not a base64 public key", ex);
		}
	}

}
