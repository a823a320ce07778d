package org.waveplan.delivery;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.waveplan.security.SiteCredentials;
import org.waveplan.shared.DatabaseOutage;

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

	private static final Logger log = LoggerFactory.getLogger(ManifestFastPath.class);

	private final SiteCredentials sites;

	private final Manifests manifests;

	private final AgentPollLog polls;

	ManifestFastPath(SiteCredentials sites, Manifests manifests, AgentPollLog polls) {
		this.sites = sites;
		this.manifests = manifests;
		this.polls = polls;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Manifests.Signed> manifest;
		try {
			manifest = ownManifest(request);
		}
		catch (RuntimeException e) {
			if (DatabaseOutage.causes(e)) {
				throw e; // answered 503 at once: the general way would only wait for the database again
			}
			// the general way tries again, and answers and logs a failure as every endpoint does
			log.debug("Manifest for {} left to the general way", request.getRequestURI(), e);
			manifest = Optional.empty();
		}
		if (manifest.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(PATTERN));
		polls.polled(request, sites.siteOf(request).orElseThrow(), manifest.get());
		ManifestResponse.write(manifest.get(), request, response);
	}

	private Optional<Manifests.Signed> ownManifest(HttpServletRequest request) {
		String method = request.getMethod();
		Matcher path = PATH.matcher(request.getRequestURI());
		if (!("GET".equals(method) || "HEAD".equals(method)) || !path.matches()) {
			return Optional.empty();
		}
		String site = path.group(1);
		return sites.siteOf(request).filter(site::equals).flatMap(manifests::of);
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<ManifestFastPath> manifestFastPath(SiteCredentials sites, Manifests manifests,
				AgentPollLog polls) {
			FilterRegistrationBean<ManifestFastPath> registration = new FilterRegistrationBean<>(
					new ManifestFastPath(sites, manifests, polls));
			registration.addUrlPatterns("/api/sites/*");
			registration.setDispatcherTypes(DispatcherType.REQUEST);
			registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
			return registration;
		}

	}

}
