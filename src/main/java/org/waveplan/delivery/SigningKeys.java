package org.waveplan.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.waveplan.shared.AtomicFiles;
import org.waveplan.shared.Sha256;

/**
 * The service's Ed25519 keys that sign manifests. Made at first start in the data folder (private keys readable
 * by the service's user only); rotating makes a new one and keeps the old ones' public keys listed, so that sites
 * can be moved over. A key's id is the start of its public key's SHA-256.
 */
@Component
class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private static final String SUFFIX = ".ed25519";

	private final Path dir;

	private final Clock clock;

	private volatile Key current;

	SigningKeys(DeliveryProperties settings, Clock clock) throws IOException {
		this.dir = settings.signingDir();
		this.clock = clock;
		List<Key> keys = load();
		this.current = keys.isEmpty() ? create() : keys.get(keys.size() - 1);
	}

	/** A key: its id, public key (X.509 DER, base64) and when it was made. */
	record PublicKeyView(String keyId, String algorithm, String publicKey, Instant createdAt) {
	}

	private record Key(PublicKeyView view, PrivateKey secret) {
	}

	PublicKeyView current() {
		return current.view();
	}

	/** Every key's public half, oldest first, the current one last. */
	List<PublicKeyView> all() {
		return load().stream().map(Key::view).toList();
	}

	synchronized PublicKeyView rotate() throws IOException {
		current = create();
		log.warn("manifest signing key rotated: sites must pin {} ({})", current.view().keyId(),
				current.view().publicKey());
		return current.view();
	}

	/** The signature of the bytes, base64, by the current key. */
	Signed sign(byte[] content) {
		Key key = current;
		try {
			Signature signature = Signature.getInstance("Ed25519");
			signature.initSign(key.secret());
			signature.update(content);
			return new Signed(key.view().keyId(), Base64.getEncoder().encodeToString(signature.sign()));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot sign with Ed25519", e);
		}
	}

	record Signed(String keyId, String signature) {

		/** As the {@code Waveplan-Signature} header carries it. */
		String header() {
			return ManifestFormat.signatureHeader(keyId, signature);
		}

	}

	private Key create() throws IOException {
		try {
			KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
			Instant now = clock.instant();
			String id = keyId(pair.getPublic());
			// named by time, so that the newest sorts last
			Path file = dir.resolve(now.toEpochMilli() + "-" + id + SUFFIX);
			// the private key, then its public key: Java 17 cannot derive the one from the other
			String content = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n"
					+ encode(pair.getPublic()) + "\n";
			AtomicFiles.write(file, content.getBytes(StandardCharsets.US_ASCII),
					PosixFilePermissions.fromString("rw-------"));
			log.info("made the manifest signing key {}", id);
			return new Key(new PublicKeyView(id, "Ed25519", encode(pair.getPublic()), now), pair.getPrivate());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("this Java has no Ed25519", e);
		}
	}

	private List<Key> load() {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			List<Key> keys = new ArrayList<>();
			for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
				keys.add(read(file));
			}
			return keys;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Key read(Path file) throws IOException {
		try {
			List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
			KeyFactory factory = KeyFactory.getInstance("Ed25519");
			PrivateKey secret = factory
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.get(0).trim())));
			PublicKey publicKey = factory
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(lines.get(1).trim())));
			Instant created = Instant.ofEpochMilli(Long.parseLong(file.getFileName().toString().split("-")[0]));
			return new Key(new PublicKeyView(keyId(publicKey), "Ed25519", encode(publicKey), created), secret);
		}
		catch (GeneralSecurityException | RuntimeException e) {
			throw new IllegalStateException("the signing key " + file + " cannot be read", e);
		}
	}

	static String keyId(PublicKey key) {
		return Sha256.hex(key.getEncoded()).substring(0, 16);
	}

	private static String encode(PublicKey key) {
		return Base64.getEncoder().encodeToString(key.getEncoded());
	}

}
