package org.waveplan.security;

import java.util.Optional;

/** Which site a bearer token belongs to, if it is a live site token; the delivery module keeps the tokens. */
public interface SiteCredentials {

	Optional<String> siteOf(String token);

}
