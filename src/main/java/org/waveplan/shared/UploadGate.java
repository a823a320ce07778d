package org.waveplan.shared;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An upload is read at its sender's pace, over links that may be slow, and holds one of Tomcat's few threads
 * all the while (see {@code server.tomcat.threads.max}): a burst of them would leave none for anything else, the
 * sites' manifest polls included. So only {@link WaveplanProperties#uploadsAtOnce()} are received at once; one
 * more is answered 503 with {@code Retry-After} straight away, before its body is read. It stands after the
 * security chain: only signed-in users take a place.
 */
class UploadGate extends OncePerRequestFilter {

	/** A body larger than this, or a file of a length not given (chunked), makes a request an upload. */
	static final long UPLOAD_BYTES = 64 * 1024;

	private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

	private final Semaphore places;

	private final ObjectMapper json;

	UploadGate(int uploadsAtOnce, ObjectMapper json) {
		this.places = new Semaphore(uploadsAtOnce);
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!upload(request)) {
			chain.doFilter(request, response);
			return;
		}
		if (!places.tryAcquire()) {
			new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "too-many-uploads", "Too many uploads at once",
					"the service is receiving as many uploads as it takes at once; send it again in "
							+ RETRY_AFTER.toSeconds() + " s")
				.retryAfter(RETRY_AFTER)
				.writeTo(response, json);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			places.release();
		}
	}

	private static boolean upload(HttpServletRequest request) {
		long length = request.getContentLengthLong();
		if (length >= 0) {
			return length > UPLOAD_BYTES;
		}
		// some clients send every body chunked: JSON is a request to the API, anything else a file
		String type = request.getContentType();
		return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null && (type == null || !type.contains("json"));
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<UploadGate> uploadGate(WaveplanProperties settings, ObjectMapper json) {
			FilterRegistrationBean<UploadGate> registration = new FilterRegistrationBean<>(
					new UploadGate(settings.uploadsAtOnce(), json));
			registration.setDispatcherTypes(DispatcherType.REQUEST);
			registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
			return registration;
		}

	}

}
