package org.waveplan.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.waveplan.shared.Sha256;
import org.waveplan.shared.WaveplanProperties;

/**
 * The service's Ed25519 keys that sign manifests, in the database for every instance alike (the private halves
 * encrypted, {@link KeyEncryptionKey}): all instances sign with the newest. The first instance to start makes the
 * first key, or imports the keys an older version kept on disk; rotating adds a new one and keeps the old ones'
 * public keys listed, so that sites can be moved over. Each instance looks for another's rotation at most every
 * {@link #REFRESH}. A key's id is the start of its public key's SHA-256.
 */
@Component
class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	/** How stale an instance's idea of the current key may be after a rotation on another instance. */
	static final Duration REFRESH = Duration.ofSeconds(5);

	private static final String SUFFIX = ".ed25519";

	private final SigningKeyTable table;

	private final KeyEncryptionKey encryption;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final ReentrantLock refreshing = new ReentrantLock();

	private volatile Key current;

	private volatile long checkedAt;

	SigningKeys(DeliveryProperties settings, WaveplanProperties shared, SigningKeyTable table, Clock clock,
			PlatformTransactionManager transactions) throws IOException {
		this.table = table;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.encryption = KeyEncryptionKey.of(settings, shared.dataDir(), table.embedded());
		importOrMakeFirst(onDisk(settings.signingDir()));
		forgetImported(settings.signingDir());
		// a wrong key-encryption key stops the start here, before anything is signed
		this.current = decrypt(table.newest().orElseThrow());
		this.checkedAt = System.nanoTime();
	}

	/** A key: its id, public key (X.509 DER, base64) and when it was made. */
	record PublicKeyView(String keyId, String algorithm, String publicKey, Instant createdAt) {
	}

	private record Key(PublicKeyView view, PrivateKey secret) {
	}

	PublicKeyView current() {
		return fresh().view();
	}

	/** Every key's public half, oldest first, the current one last. */
	List<PublicKeyView> all() {
		return table.all().stream().map(SigningKeys::view).toList();
	}

	synchronized PublicKeyView rotate() {
		return rotateAfter(table.highestGeneration());
	}

	/**
	 * Adds the key after that generation. When another instance added one at the same moment, both answer its key:
	 * two admins rotating at once must not leave one of them telling the sites to pin a key already superseded.
	 */
	synchronized PublicKeyView rotateAfter(int generation) {
		Key made = generate();
		try {
			table.insert(row(made, generation + 1));
		}
		catch (DataIntegrityViolationException ex) {
			Key other = decrypt(table.newest().orElseThrow());
			current = other;
			checkedAt = System.nanoTime();
			log.info("another instance rotated the manifest signing key at the same moment, to {}", other.view().keyId());
			return other.view();
		}
		current = made;
		checkedAt = System.nanoTime();
		log.warn("manifest signing key rotated: sites must pin {} ({})", made.view().keyId(), made.view().publicKey());
		return made.view();
	}

	/** The signature of the bytes, base64, by the current key. */
	Signed sign(byte[] content) {
		Key key = fresh();
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

	/**
	 * The current key, read again from the database when last read {@link #REFRESH} ago: by one caller, the others
	 * go on with the key they have. A database out of reach leaves the key as it was.
	 */
	private Key fresh() {
		if (System.nanoTime() - checkedAt >= REFRESH.toNanos() && refreshing.tryLock()) {
			try {
				Key known = current;
				String newest = table.newestId().orElseThrow();
				if (!newest.equals(known.view().keyId())) {
					Key other = decrypt(table.newest().orElseThrow());
					current = other;
					log.info("signing manifests with {} now, as another instance rotated to it", other.view().keyId());
				}
			}
			catch (RuntimeException e) {
				log.warn("cannot read the current manifest signing key, going on with {}: {}",
						current.view().keyId(), e.toString());
			}
			finally {
				checkedAt = System.nanoTime();
				refreshing.unlock();
			}
		}
		return current;
	}

	/**
	 * The keys kept on disk that the database lacks go into it (below its own keys, when another instance made
	 * those); with none at all, a new first key. Instances starting at once on an empty database race for the
	 * first generation, which is unique: the loser reads again.
	 */
	private void importOrMakeFirst(List<Key> onDisk) {
		for (int attempt = 1;; attempt++) {
			try {
				transaction.executeWithoutResult(status -> {
					Set<String> known = table.ids();
					List<Key> missing = onDisk.stream().filter(k -> !known.contains(k.view().keyId())).toList();
					Integer lowest = table.lowestGeneration();
					int first = lowest == null ? 1 : lowest - missing.size();
					for (int i = 0; i < missing.size(); i++) {
						table.insert(row(missing.get(i), first + i));
						log.info("imported the manifest signing key {} from disk into the database",
								missing.get(i).view().keyId());
					}
					if (known.isEmpty() && missing.isEmpty()) {
						Key made = generate();
						table.insert(row(made, 1));
						log.info("made the manifest signing key {}", made.view().keyId());
					}
				});
				return;
			}
			catch (DataIntegrityViolationException ex) {
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

	private Key generate() {
		try {
			KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
			return new Key(new PublicKeyView(keyId(pair.getPublic()), "Ed25519", encode(pair.getPublic()),
					// as the database keeps it, so that every instance shows the same
					clock.instant().truncatedTo(ChronoUnit.MICROS)), pair.getPrivate());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("this Java has no Ed25519", e);
		}
	}

	private SigningKeyTable.Row row(Key key, int generation) {
		PublicKeyView view = key.view();
		return new SigningKeyTable.Row(view.keyId(), generation, view.publicKey(),
				encryption.encrypt(view.keyId(), key.secret().getEncoded()), view.createdAt());
	}

	/** The row's private key, checked to be the half of its public key that the sites pin. */
	private Key decrypt(SigningKeyTable.Row row) {
		byte[] plain = encryption.decrypt(row.keyId(), row.privateKey());
		PrivateKey secret;
		PublicKey publicKey;
		try {
			KeyFactory factory = KeyFactory.getInstance("Ed25519");
			secret = factory.generatePrivate(new PKCS8EncodedKeySpec(plain));
			publicKey = factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(row.publicKey())));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new IllegalStateException("the manifest signing key " + row.keyId() + " is not an Ed25519 key", e);
		}
		if (!keyId(publicKey).equals(row.keyId()) || !halvesOfOnePair(secret, publicKey)) {
			throw new IllegalStateException("the manifest signing key " + row.keyId() + " in the database does not match"
					+ " its public key: the row was changed, and the sites pinned to it would refuse what it signs");
		}
		return new Key(view(row), secret);
	}

	private static boolean halvesOfOnePair(PrivateKey secret, PublicKey publicKey) {
		try {
			byte[] probe = "waveplan".getBytes(StandardCharsets.US_ASCII);
			Signature signer = Signature.getInstance("Ed25519");
			signer.initSign(secret);
			signer.update(probe);
			Signature verifier = Signature.getInstance("Ed25519");
			verifier.initVerify(publicKey);
			verifier.update(probe);
			return verifier.verify(signer.sign());
		}
		catch (GeneralSecurityException e) {
			return false;
		}
	}

	private static PublicKeyView view(SigningKeyTable.Row row) {
		return new PublicKeyView(row.keyId(), "Ed25519", row.publicKey(), row.createdAt());
	}

	/**
	 * Deletes the key files whose keys are now in the database, sealed: left on disk in the clear, they would undo the
	 * sealing, and a key an admin deleted from the database would come back at the next start.
	 */
	private void forgetImported(Path dir) {
		if (!Files.isDirectory(dir)) {
			return;
		}
		Set<String> stored = table.all().stream().map(SigningKeyTable.Row::keyId).collect(Collectors.toSet());
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
				if (stored.contains(read(file).view().keyId())) {
					Files.delete(file);
					log.info("Deleted the signing key file {}: its key is in the database, sealed", file);
				}
			}
		}
		catch (IOException e) {
			log.warn("Cannot delete the signing key files in {} (their keys are in the database): {}", dir, e.getMessage());
		}
	}

	/** The keys an older version kept in files, oldest first: {@code <epoch millis>-<id>.ed25519}. */
	private static List<Key> onDisk(Path dir) {
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
			// the private key, then its public key: Java 17 cannot derive the one from the other
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
