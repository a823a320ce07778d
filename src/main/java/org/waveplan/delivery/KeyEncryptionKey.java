package org.waveplan.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.waveplan.shared.AtomicFiles;

/**
 * The AES-256 key that encrypts the manifest signing keys in the database (AES-GCM, a fresh nonce per key, the key
 * id as associated data, so that a private key cannot be moved to another key's row). It is given to every instance
 * (setting or file) and never stored in the database; only the embedded single-instance default makes one itself.
 */
final class KeyEncryptionKey {

	private static final Logger log = LoggerFactory.getLogger(KeyEncryptionKey.class);

	static final String SETTING = "waveplan.delivery.key-encryption-key";

	static final String FILE_SETTING = "waveplan.delivery.key-encryption-key-file";

	/** The file the embedded default keeps its own key in, under the data folder. */
	static final String DEFAULT_FILE = "key-encryption-key";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKey key;

	/** Where the key came from, to name in a refusal (never the key itself). */
	private final String source;

	private KeyEncryptionKey(byte[] key, String source) {
		if (key.length != 32) {
			throw new Refused(
					"the key-encryption key from " + source + " is " + key.length * 8 + " bits, not 256");
		}
		this.key = new SecretKeySpec(key, "AES");
		this.source = source;
	}

	/**
	 * The key the settings give, else, on the embedded database only, the one in the data folder (made at first
	 * start). Anything else is refused: instances that share a database must share this key.
	 */
	static KeyEncryptionKey of(DeliveryProperties settings, Path dataDir, boolean embeddedDatabase) throws IOException {
		if (settings.keyEncryptionKey() != null && settings.keyEncryptionKeyFile() != null) {
			throw new Refused("give either " + SETTING + " or " + FILE_SETTING + ", not both");
		}
		if (settings.keyEncryptionKey() != null) {
			return new KeyEncryptionKey(decode(settings.keyEncryptionKey(), SETTING), SETTING);
		}
		if (settings.keyEncryptionKeyFile() != null) {
			return read(settings.keyEncryptionKeyFile());
		}
		if (!embeddedDatabase) {
			throw new Refused("no key-encryption key for the manifest signing keys: set " + SETTING
					+ " (base64 of 32 random bytes, e.g. from 'openssl rand -base64 32') or " + FILE_SETTING
					+ " (a file holding that), the same on every instance sharing the database");
		}
		Path file = dataDir.resolve(DEFAULT_FILE);
		if (!Files.exists(file)) {
			KeyGenerator generator;
			try {
				generator = KeyGenerator.getInstance("AES");
			}
			catch (GeneralSecurityException e) {
				throw new IllegalStateException("this Java has no AES", e);
			}
			generator.init(256, RANDOM);
			AtomicFiles.write(file,
					(Base64.getEncoder().encodeToString(generator.generateKey().getEncoded()) + "\n")
						.getBytes(StandardCharsets.US_ASCII),
					PosixFilePermissions.fromString("rw-------"));
			log.warn("made a key-encryption key for the manifest signing keys in {}: fine for one instance on the"
					+ " embedded database; in production give every instance the same one ({} or {})",
					file.toAbsolutePath(), SETTING, FILE_SETTING);
		}
		return read(file);
	}

	private static KeyEncryptionKey read(Path file) throws IOException {
		String source = "the file " + file.toAbsolutePath();
		if (!Files.isReadable(file)) {
			throw new Refused("cannot read the key-encryption key from " + source);
		}
		return new KeyEncryptionKey(decode(Files.readString(file, StandardCharsets.US_ASCII), source), source);
	}

	private static byte[] decode(String base64, String source) {
		try {
			return Base64.getDecoder().decode(base64.trim());
		}
		catch (IllegalArgumentException e) {
			// not the exception's message: it may quote the key
			throw new Refused("the key-encryption key from " + source + " is not base64");
		}
	}

	/** Base64 of the nonce, then the ciphertext and tag. */
	String encrypt(String keyId, byte[] plain) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keyId, nonce);
			byte[] sealed = cipher.doFinal(plain);
			return Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot encrypt with AES-GCM", e);
		}
	}

	/**
	 * The plain bytes, or a refusal saying why: another key-encryption key than the one the key was encrypted with
	 * (or a changed row) fails the tag.
	 */
	byte[] decrypt(String keyId, String sealed) {
		try {
			byte[] bytes = Base64.getDecoder().decode(sealed);
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, keyId, Arrays.copyOf(bytes, NONCE_BYTES));
			return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			// no cause: a failed tag is all there is to say, and this message is the start's refusal
			throw new Refused("the key-encryption key from " + source
					+ " does not decrypt the manifest signing key " + keyId + " in the database: it was encrypted"
					+ " with another key-encryption key (give that one), or its row was changed");
		}
	}

	private Cipher cipher(int mode, String keyId, byte[] nonce) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
		return cipher;
	}

	@Override
	public String toString() {
		return "key-encryption key from " + source;
	}

	/** Why the instance cannot start: no key-encryption key, or not the one the database's keys need. */
	static final class Refused extends IllegalStateException {

		Refused(String reason) {
			super(reason);
		}

	}

	/** Says at the start's failure, without the stack, what is wrong with the key-encryption key and what to do. */
	static final class RefusalAnalyzer extends AbstractFailureAnalyzer<Refused> {

		@Override
		protected FailureAnalysis analyze(Throwable rootFailure, Refused cause) {
			return new FailureAnalysis(cause.getMessage(), "Give every instance sharing the database the same"
					+ " key-encryption key, base64 of 32 bytes: " + SETTING + " or " + FILE_SETTING
					+ " (see deploy/README.md).", cause);
		}

	}

}
