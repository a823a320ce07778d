package org.waveplan.security;

/**
 * What a Waveplan user may do; an administrator may do what engineers and producers may. {@link #SITE} is a
 * transmitter site's agent, signed in with a site token (never a password): it reaches its own site's delivery only.
 */
public enum Role {

	ADMIN, ENGINEER, PRODUCER, SITE;

	public String authority() {
		return "ROLE_" + name();
	}

}
