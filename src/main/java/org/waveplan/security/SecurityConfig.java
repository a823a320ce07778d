package org.waveplan.security;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.waveplan.shared.ProblemException;

/**
 * Every endpoint needs a role; only health and the API docs are open. The API is stateless HTTP
 * Basic, so there is no session and no CSRF token to carry.
 */
@Configuration
class SecurityConfig {

	private static final String[] SCHEDULE_API = { "/api/sites/**", "/api/slots/**", "/api/conflicts/**",
			"/api/schedules/**", "/api/frequencies/**", "/api/bands/**", "/api/seasons/**" };

	@Bean
	SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/v3/api-docs", "/v3/api-docs/**",
					"/swagger-ui.html", "/swagger-ui/**", "/error")
			.permitAll()
			.requestMatchers("/actuator/**", "/api/users/**")
			.hasRole(Role.ADMIN.name())
			.requestMatchers(HttpMethod.GET, SCHEDULE_API)
			.hasAnyRole(Role.ENGINEER.name(), Role.PRODUCER.name())
			.requestMatchers(SCHEDULE_API)
			.hasRole(Role.ENGINEER.name())
			.requestMatchers(HttpMethod.GET, "/api/programs/**", "/api/airings/**", "/api/renders/**")
			.hasAnyRole(Role.ENGINEER.name(), Role.PRODUCER.name())
			.requestMatchers(HttpMethod.POST, "/api/airings/*/render")
			.hasAnyRole(Role.ENGINEER.name(), Role.PRODUCER.name())
			.requestMatchers("/api/programs/**", "/api/airings/plan")
			.hasRole(Role.PRODUCER.name())
			.anyRequest()
			.denyAll())
			.httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
				response.setHeader("WWW-Authenticate", "Basic realm=\"waveplan\"");
				write(json, response, new ProblemException(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
						"log in with a Waveplan user (HTTP Basic)"));
			}))
			.exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) -> write(json, response,
					new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
							"your role does not allow " + request.getMethod() + " " + request.getRequestURI()))))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role(Role.ADMIN.name())
			.implies(Role.ENGINEER.name(), Role.PRODUCER.name())
			.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	private static void write(ObjectMapper json, HttpServletResponse response, ProblemException problem)
			throws IOException {
		response.setStatus(problem.status().value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem.toProblemDetail());
	}

}
