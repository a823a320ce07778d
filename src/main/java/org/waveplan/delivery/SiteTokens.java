package org.waveplan.delivery;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.waveplan.schedule.SiteDirectory;
import org.waveplan.security.SiteCredentials;
import org.waveplan.shared.ProblemException;
import org.waveplan.shared.Sha256;

/**
 * Issues, checks and revokes site tokens. A token is 256 random bits, so a plain SHA-256 of it is as safe to keep
 * as a slow password hash, and lets every request find its token by one index lookup.
 */
@Service
class SiteTokens implements SiteCredentials {

	private static final String PREFIX = "wps_";

	// with the time a check takes, a revocation on another instance is refused here within 5 s
	static final Duration REMEMBERED = Duration.ofSeconds(4);

	// the last use is worth knowing, not worth a write per request
	private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

	private final SiteTokenRepository tokens;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Known> remembered = new ConcurrentHashMap<>();

	private record Known(long id, String site, long checkedAt) {
	}

	private final TransactionTemplate transaction;

	private final SiteDirectory sites;

	SiteTokens(SiteTokenRepository tokens, Clock clock, TransactionTemplate transaction, SiteDirectory sites) {
		this.tokens = tokens;
		this.clock = clock;
		this.transaction = transaction;
		this.sites = sites;
	}

	/** A new token for the site: the token (to show once) and its record. */
	record Issued(String token, SiteToken record) {
	}

	@Transactional
	Issued issue(String site, String label, String by) {
		known(site);
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		return new Issued(token, tokens.save(new SiteToken(site, label.trim(), sha256(token), clock.instant(), by)));
	}

	/** The site's tokens, revoked ones too, oldest first; a site that does not exist is a 404. */
	@Transactional(readOnly = true)
	List<SiteToken> list(String site) {
		known(site);
		return tokens.findBySiteOrderById(site);
	}

	private void known(String site) {
		if (!sites.exists(site)) {
			throw ProblemException.notFound("no site '" + site + "'");
		}
	}

	/**
	 * The token's site, if it is live. Known tokens are remembered for {@link #REMEMBERED}, so that a polling
	 * site costs no database lookup per request; a revocation here takes effect at once, one on another instance
	 * within that time.
	 */
	@Override
	public Optional<String> siteOf(String token) {
		if (!token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		String hash = sha256(token);
		Known known = remembered.get(hash);
		if (known != null && System.nanoTime() - known.checkedAt() < REMEMBERED.toNanos()) {
			return Optional.of(known.site());
		}
		// taken before the lookup: a revocation committed while it runs must not be remembered as live any longer
		long checkedAt = System.nanoTime();
		// a transaction only when the database is asked: on the way of every request, it would queue them all
		Optional<SiteToken> found = transaction.execute(status -> {
			Optional<SiteToken> live = tokens.findByTokenSha256(hash).filter(SiteToken::live);
			live.ifPresent(t -> {
				Instant now = clock.instant();
				if (t.getLastUsedAt() == null || t.getLastUsedAt().plus(USE_RESOLUTION).isBefore(now)) {
					tokens.used(t.getId(), now);
				}
			});
			return live;
		});
		found.ifPresentOrElse(t -> remembered.put(hash, new Known(t.getId(), t.getSite(), checkedAt)),
				() -> remembered.remove(hash));
		return found.map(SiteToken::getSite);
	}

	/** The id of the request's site token, if this instance has checked it lately (the poll it answers did). */
	Optional<Long> idOf(HttpServletRequest request) {
		return SiteCredentials.bearerToken(request).map(token -> remembered.get(sha256(token))).map(Known::id);
	}

	@Transactional
	void revoke(String site, long id) {
		SiteToken token = tokens.findById(id)
			.filter(t -> t.getSite().equals(site))
			.orElseThrow(() -> ProblemException.notFound("site '" + site + "' has no token " + id));
		token.revoke(clock.instant());
		// after the commit: a lookup before it would still find the token live, and remember it again
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				remembered.values().removeIf(known -> known.id() == id);
			}
		});
	}

	static String sha256(String token) {
		return Sha256.hex(token);
	}

}
