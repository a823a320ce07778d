package org.waveplan.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waveplan.security.SiteCredentials;

/**
 * Issues, checks and revokes site tokens. A token is 256 random bits, so a plain SHA-256 of it is as safe to keep
 * as a slow password hash, and lets every request find its token by one index lookup.
 */
@Service
class SiteTokens implements SiteCredentials {

	private static final String PREFIX = "wps_";

	// the last use is worth knowing, not worth a write per request
	private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

	private final SiteTokenRepository tokens;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	SiteTokens(SiteTokenRepository tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	/** A new token for the site: the token (to show once) and its record. */
	record Issued(String token, SiteToken record) {
	}

	@Transactional
	Issued issue(String site, String label, String by) {
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		return new Issued(token, tokens.save(new SiteToken(site, label, sha256(token), clock.instant(), by)));
	}

	@Override
	@Transactional
	public Optional<String> siteOf(String token) {
		if (!token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		return tokens.findByTokenSha256(sha256(token)).filter(SiteToken::live).map(found -> {
			Instant now = clock.instant();
			if (found.getLastUsedAt() == null || found.getLastUsedAt().plus(USE_RESOLUTION).isBefore(now)) {
				tokens.used(found.getId(), now);
			}
			return found.getSite();
		});
	}

	static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java has SHA-256", e);
		}
	}

}
