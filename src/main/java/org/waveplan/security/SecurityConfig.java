package org.waveplan.security;

import java.io.IOException;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.waveplan.shared.DatabaseOutage;
import org.waveplan.shared.ProblemException;

/**
 * Every endpoint needs a role; only health, the API docs and the pages' assets are open. Two chains: the API
 * ({@code /api/**}, actuator, docs) is stateless: people sign in with HTTP Basic, site agents with a bearer site
 * token; there is no session and no CSRF token to carry. The pages (everything else) sign in with a form, keep a
 * session and check a CSRF token on every change. Both count failed logins ({@link LoginThrottle}).
 */
@Configuration
// as well as the application's scan: a web slice that imports these rules gets their settings
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfig {

	private static final String[] SITE_API = { "/api/sites/{code}/manifest", "/api/sites/{code}/files/**",
			"/api/sites/{code}/receipts" };

	private static final String[] SCHEDULE_API = { "/api/sites/**", "/api/slots/**", "/api/conflicts/**",
			"/api/schedules/**", "/api/frequencies/**", "/api/bands/**", "/api/seasons/**" };

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ObjectMapper json, SiteCredentials sites, ThrottledLogins logins)
			throws Exception {
		AuthenticationEntryPoint unauthorized = (request, response, e) -> {
			// the user could not be looked up, which says nothing about the credentials
			if (DatabaseOutage.causes(e)) {
				DatabaseOutage.writeTo(response, json);
				return;
			}
			if (e instanceof LoginHeldException held) {
				new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "login-held", "Login held",
						"too many failed logins for this user within a minute: try again after " + held.until())
					.retryAfter(LoginThrottle.HOLD)
					.writeTo(response, json);
				return;
			}
			response.setHeader("WWW-Authenticate", "Basic realm=\"waveplan\"");
			new ProblemException(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
					"log in with a Waveplan user (HTTP Basic) or, for a site's agent, its site token (Bearer)")
				.writeTo(response, json);
		};
		http.securityMatcher("/api/**", "/actuator", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**",
				"/swagger-ui.html", "/swagger-ui/**")
			.authenticationManager(new ProviderManager(logins))
			.authorizeHttpRequests(requests -> requests
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/v3/api-docs", "/v3/api-docs/**",
					"/swagger-ui.html", "/swagger-ui/**", "/error")
			.permitAll()
			// a site's token reaches its own site's delivery, and nothing else
			.requestMatchers(SITE_API)
			.access(SecurityConfig::ownSiteOrAdmin)
			.requestMatchers(HttpMethod.GET, "/api/delivery/signing-key")
			.authenticated()
			.requestMatchers("/actuator/**", "/api/users/**", "/api/sites/*/tokens", "/api/sites/*/tokens/**",
					"/api/delivery/**")
			.hasRole(Role.ADMIN.name())
			.requestMatchers(HttpMethod.GET, SCHEDULE_API)
			.hasAnyRole(Role.ENGINEER.name(), Role.PRODUCER.name())
			.requestMatchers(SCHEDULE_API)
			.hasRole(Role.ENGINEER.name())
			.requestMatchers(HttpMethod.GET, "/api/programs/**", "/api/airings/**", "/api/renders/**", "/api/deliveries/**")
			.hasAnyRole(Role.ENGINEER.name(), Role.PRODUCER.name())
			.requestMatchers(HttpMethod.GET, "/api/propagation/**")
			.hasAnyRole(Role.ENGINEER.name(), Role.PRODUCER.name())
			.requestMatchers("/api/propagation/ssn/**")
			.hasRole(Role.ENGINEER.name())
			.requestMatchers(HttpMethod.POST, "/api/airings/*/render")
			.hasAnyRole(Role.ENGINEER.name(), Role.PRODUCER.name())
			.requestMatchers("/api/bundles", "/api/bundles/**")
			.hasAnyRole(Role.ENGINEER.name(), Role.PRODUCER.name())
			.requestMatchers("/api/programs/**", "/api/airings/plan")
			.hasRole(Role.PRODUCER.name())
			.anyRequest()
			.denyAll())
			.addFilterBefore(new SiteTokenFilter(sites, unauthorized), BasicAuthenticationFilter.class)
			.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler((request, response, e) -> new ProblemException(HttpStatus.FORBIDDEN, "forbidden",
						"Forbidden", "your role does not allow " + request.getMethod() + " " + request.getRequestURI())
					.writeTo(response, json)))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	/** The web UI's pages: a form login, a session (its cookie HttpOnly, SameSite=Lax) and CSRF tokens. */
	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, ThrottledLogins logins, SessionRegistry sessions) throws Exception {
		http.authenticationManager(new ProviderManager(logins))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico")
				.permitAll()
				// the pages accept what the API accepts from the same role
				.requestMatchers("/users", "/users/**", "/sites/*/tokens", "/sites/*/tokens/**")
				.hasRole(Role.ADMIN.name())
				.requestMatchers(HttpMethod.GET, "/**")
				.hasAnyRole(Role.ENGINEER.name(), Role.PRODUCER.name())
				.requestMatchers("/renders/**")
				.hasAnyRole(Role.ENGINEER.name(), Role.PRODUCER.name())
				.requestMatchers("/programs/**")
				.hasRole(Role.PRODUCER.name())
				.requestMatchers("/slots/**", "/sites/**", "/imports/**", "/schedule/**", "/conflicts/**")
				.hasRole(Role.ENGINEER.name())
				.anyRequest()
				.hasAnyRole(Role.ENGINEER.name(), Role.PRODUCER.name()))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(SecurityConfig::toLogin))
			// sessions are known, so that a changed account's end (UserAccounts.change): its next request logs in again
			.sessionManagement(session -> session.maximumSessions(-1)
				.sessionRegistry(sessions)
				.expiredSessionStrategy(expired -> toLogin(expired.getRequest(), expired.getResponse(), null)))
			// the CSRF check reads no upload: MultipartSafeCsrf
			.csrf(csrf -> csrf.csrfTokenRequestHandler(new MultipartSafeCsrf()))
			.formLogin(form -> form.loginPage("/login")
				.failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
						+ (e instanceof LoginHeldException ? "/login?held" : "/login?error"))))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
		return http.build();
	}

	private static final AuthenticationEntryPoint LOGIN_PAGE = new LoginUrlAuthenticationEntryPoint("/login");

	/**
	 * Anonymous pages, and those of an ended session, go to the login page. A part htmx asks for after the session
	 * ended (a list polling every 2 s) sends the whole page there, rather than drawing the login page inside the part.
	 */
	private static void toLogin(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException, ServletException {
		if (request.getHeader("HX-Request") != null) {
			response.setHeader("HX-Redirect", request.getContextPath() + "/login");
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			return;
		}
		LOGIN_PAGE.commence(request, response, e);
	}

	@Bean
	SessionRegistry sessionRegistry() {
		return new SessionRegistryImpl();
	}

	/** Tells the session registry of sessions that end (logout, timeout), so that it forgets them. */
	@Bean
	HttpSessionEventPublisher sessionEvents() {
		return new HttpSessionEventPublisher();
	}

	@Bean
	ThrottledLogins throttledLogins(UserDetailsService accounts, PasswordEncoder encoder, LoginThrottle throttle) {
		return new ThrottledLogins(accounts, encoder, throttle);
	}

	private static AuthorizationDecision ownSiteOrAdmin(Supplier<Authentication> authentication,
			RequestAuthorizationContext context) {
		Authentication user = authentication.get();
		boolean own = user.getPrincipal() instanceof SitePrincipal site
				&& site.site().equals(context.getVariables().get("code"));
		boolean admin = user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()));
		return new AuthorizationDecision(own || admin);
	}

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role(Role.ADMIN.name())
			.implies(Role.ENGINEER.name(), Role.PRODUCER.name())
			.build();
	}

	@Bean
	PasswordEncoder passwordEncoder(SecurityProperties properties) {
		return new BCryptPasswordEncoder(properties.passwordStrength());
	}

}
