package org.waveplan.shared;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * Filters ahead of MVC (the security chain's token and user lookups, delivery's manifest fast path) have no
 * exception handler: a database outage there would become the container's bare 500. This filter, outside them
 * all, answers it as {@link DatabaseOutage} says.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

	private final ObjectMapper json;

	DatabaseOutageFilter(ObjectMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException e) {
			if (!DatabaseOutage.causes(e) || response.isCommitted()) {
				throw e;
			}
			log.warn("Database unavailable: {} {} answered 503: {}", request.getMethod(), request.getRequestURI(),
					e.getMessage());
			response.reset();
			DatabaseOutage.writeTo(response, json);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(ObjectMapper json) {
			FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(
					new DatabaseOutageFilter(json));
			registration.setDispatcherTypes(DispatcherType.REQUEST);
			// outside the security chain and every filter of ours that may read the database
			registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
			return registration;
		}

	}

}
