package org.waveplan.security;

/** What a Waveplan user may do; an administrator may do what engineers and producers may. */
public enum Role {

	ADMIN, ENGINEER, PRODUCER;

	public String authority() {
		return "ROLE_" + name();
	}

}
