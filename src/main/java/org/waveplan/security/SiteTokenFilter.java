package org.waveplan.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs in a site's agent by its bearer token; a token that is unknown or revoked is answered 401 at once. */
class SiteTokenFilter extends OncePerRequestFilter {

	private final SiteCredentials credentials;

	private final AuthenticationEntryPoint unauthorized;

	SiteTokenFilter(SiteCredentials credentials, AuthenticationEntryPoint unauthorized) {
		this.credentials = credentials;
		this.unauthorized = unauthorized;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (SiteCredentials.bearerToken(request).isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		Optional<String> site = credentials.siteOf(request);
		if (site.isEmpty()) {
			SecurityContextHolder.clearContext();
			unauthorized.commence(request, response, new BadCredentialsException("unknown or revoked site token"));
			return;
		}
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new SitePrincipal(site.get()), null,
					List.of(new SimpleGrantedAuthority(Role.SITE.authority()))));
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
