package org.waveplan.web;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The pages speak Korean or English: the browser's Accept-Language chooses, unless the switcher ({@code ?lang=ko})
 * left its choice in a cookie. Any other language gets English.
 */
@Configuration
class WebUiConfig implements WebMvcConfigurer {

	private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.KOREAN);

	private final CookieLocaleResolver languages = new CookieLocaleResolver("waveplan-lang");

	WebUiConfig() {
		languages.setCookieMaxAge(Duration.ofDays(365));
		languages.setDefaultLocaleFunction(request -> Collections.list(request.getLocales())
			.stream()
			.map(asked -> known(asked.getLanguage()))
			.flatMap(Optional::stream)
			.findFirst()
			.orElse(Locale.ENGLISH));
	}

	private static Optional<Locale> known(String language) {
		return LANGUAGES.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
	}

	@Bean
	LocaleResolver localeResolver() {
		return languages;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				known(request.getParameter("lang")).ifPresent(l -> languages.setLocale(request, response, l));
				return true;
			}

		}).excludePathPatterns("/api/**");
	}

}
