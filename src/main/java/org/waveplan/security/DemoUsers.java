package org.waveplan.security;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo profile's well-known users: never on a real installation. */
@Component
@Profile("demo")
@Order(0)
class DemoUsers implements ApplicationRunner {

	private final UserAccounts accounts;

	DemoUsers(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (Role role : Role.values()) {
			String name = role.name().toLowerCase();
			if (!accounts.exists(name)) {
				accounts.create(name, name, role);
			}
		}
	}

}
