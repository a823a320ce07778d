package org.waveplan.security;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/** Which site a bearer token belongs to, if it is a live site token; the delivery module keeps the tokens. */
public interface SiteCredentials {

	Optional<String> siteOf(String token);

	/** The request attribute that keeps {@link #siteOf(HttpServletRequest)}'s answer for the request's life. */
	String CHECKED = SiteCredentials.class.getName() + ".site";

	/**
	 * The site of the request's bearer token, if it is a live site token. Checked once per request, however many
	 * filters ask: an unknown token costs a database lookup, and should cost only one.
	 */
	default Optional<String> siteOf(HttpServletRequest request) {
		if (request.getAttribute(CHECKED) instanceof Optional<?> checked) {
			return checked.map(String.class::cast);
		}
		Optional<String> site = bearerToken(request).flatMap(this::siteOf);
		request.setAttribute(CHECKED, site);
		return site;
	}

	/** The bearer token the request carries, if it carries one. */
	static Optional<String> bearerToken(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		String bearer = "Bearer ";
		if (header == null || !header.regionMatches(true, 0, bearer, 0, bearer.length())) {
			return Optional.empty();
		}
		return Optional.of(header.substring(bearer.length()).trim());
	}

}
