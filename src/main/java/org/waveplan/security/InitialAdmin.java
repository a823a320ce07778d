package org.waveplan.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.waveplan.shared.AtomicFiles;
import org.waveplan.shared.WaveplanProperties;

/**
 * A fresh installation has no users; rather than a well-known default, it gets an {@code admin}
 * with a random password, printed once and left in {@code data/initial-admin-password} (mode 600).
 */
@Component
@Profile("!demo")
@Order(0)
class InitialAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

	private final UserAccounts accounts;

	private final Path passwordFile;

	InitialAdmin(UserAccounts accounts, WaveplanProperties settings) {
		this.accounts = accounts;
		this.passwordFile = settings.dataDir().resolve("initial-admin-password");
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (accounts.count() > 0) {
			return;
		}
		byte[] random = new byte[18];
		new SecureRandom().nextBytes(random);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		AtomicFiles.write(passwordFile, (password + "\n").getBytes(StandardCharsets.UTF_8),
				PosixFilePermissions.fromString("rw-------"));
		accounts.create("admin", password, Role.ADMIN);
		log.warn("Created user 'admin' with password {} (also in {}); change it and delete the file", password,
				passwordFile.toAbsolutePath());
	}

}
