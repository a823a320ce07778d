package org.waveplan.security;

import java.security.Principal;

/** A transmitter site's agent, signed in with one of the site's tokens. */
record SitePrincipal(String site) implements Principal {

	@Override
	public String getName() {
		return "site:" + site;
	}

}
