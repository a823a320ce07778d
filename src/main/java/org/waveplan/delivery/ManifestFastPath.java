package org.waveplan.delivery;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Sites poll their manifest, hundreds at a time: the one request that comes by the thousand. A live site token
 * asking for its own site's manifest gets the cached signed bytes here, ahead of the security chain and MVC,
 * whose work per request would be most of the cost. This way only ever allows what the security chain allows
 * (a site's token reaches its own site's manifest); every other request, including a refused one, goes the
 * general way and gets the general answer.
 */
class ManifestFastPath extends OncePerRequestFilter {

	static final String PATTERN = "/api/sites/{code}/manifest";

	private static final Pattern PATH = Pattern.compile("/api/sites/([A-Za-z0-9_-]{1,32})/manifest");

	private static final String BEARER = "Bearer ";

	private final SiteTokens tokens;

	private final Manifests manifests;

	ManifestFastPath(SiteTokens tokens, Manifests manifests) {
		this.tokens = tokens;
		this.manifests = manifests;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Manifests.Signed> manifest = ownManifest(request);
		if (manifest.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(PATTERN));
		ManifestResponse.write(manifest.get(), request, response);
	}

	private Optional<Manifests.Signed> ownManifest(HttpServletRequest request) {
		String method = request.getMethod();
		String auth = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (!("GET".equals(method) || "HEAD".equals(method)) || auth == null
				|| !auth.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return Optional.empty();
		}
		Matcher path = PATH.matcher(request.getRequestURI());
		if (!path.matches()) {
			return Optional.empty();
		}
		String site = path.group(1);
		return tokens.siteOf(auth.substring(BEARER.length()).trim())
			.filter(site::equals)
			.flatMap(manifests::of);
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<ManifestFastPath> manifestFastPath(SiteTokens tokens, Manifests manifests) {
			FilterRegistrationBean<ManifestFastPath> registration = new FilterRegistrationBean<>(
					new ManifestFastPath(tokens, manifests));
			registration.addUrlPatterns("/api/sites/*");
			registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
			return registration;
		}

	}

}
