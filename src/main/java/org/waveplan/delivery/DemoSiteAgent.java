package org.waveplan.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.waveplan.schedule.SiteDirectory;
import org.waveplan.shared.AtomicFiles;
import org.waveplan.shared.WaveplanProperties;

/**
 * What the demo's site agent needs to pull Tashkent's files with one command: a site token in
 * {@code data/demo-site-token} (mode 600; only its SHA-256 is in the database) and the public key to pin in
 * {@code data/demo-signing-key.pub}. A token in the file that is still live is kept, so a restart issues none; nor
 * does an instance that starts beside one that issued it (the token is in that instance's data folder only).
 */
@Component
@Profile("demo")
@Order(20)
class DemoSiteAgent implements ApplicationRunner {

	static final String SITE = "TAC";

	private static final String ISSUER = "demo";

	private static final Logger log = LoggerFactory.getLogger(DemoSiteAgent.class);

	private final SiteTokens tokens;

	private final SiteTokenRepository repository;

	private final SigningKeys keys;

	private final SiteDirectory sites;

	private final Path tokenFile;

	private final Path keyFile;

	DemoSiteAgent(SiteTokens tokens, SiteTokenRepository repository, SigningKeys keys, SiteDirectory sites,
			WaveplanProperties settings) {
		this.tokens = tokens;
		this.repository = repository;
		this.keys = keys;
		this.sites = sites;
		this.tokenFile = settings.dataDir().resolve("demo-site-token");
		this.keyFile = settings.dataDir().resolve("demo-signing-key.pub");
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!sites.exists(SITE)) {
			return;
		}
		if (!live(tokenFile) && !repository.existsBySiteAndCreatedByAndRevokedAtIsNull(SITE, ISSUER)) {
			SiteTokens.Issued issued = tokens.issue(SITE, "demo site agent", ISSUER);
			AtomicFiles.write(tokenFile, (issued.token() + "\n").getBytes(StandardCharsets.US_ASCII),
					PosixFilePermissions.fromString("rw-------"));
			log.info("Demo site token for {} in {}", SITE, tokenFile.toAbsolutePath());
		}
		// the current key, so it follows a rotation at the next start
		AtomicFiles.write(keyFile, (keys.current().publicKey() + "\n").getBytes(StandardCharsets.US_ASCII),
				PosixFilePermissions.fromString("rw-r--r--"));
	}

	/** Whether the file holds a token of the site that is not revoked (a looked-up token is not "used"). */
	private boolean live(Path file) throws IOException {
		if (!Files.exists(file)) {
			return false;
		}
		String token = Files.readString(file, StandardCharsets.US_ASCII).trim();
		return repository.findByTokenSha256(SiteTokens.sha256(token))
			.filter(t -> t.live() && t.getSite().equals(SITE))
			.isPresent();
	}

}
