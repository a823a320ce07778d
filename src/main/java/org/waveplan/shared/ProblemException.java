package org.waveplan.shared;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * An error a client can act on, answered as an RFC 7807 problem: a stable {@code type} per kind of
 * problem, a human {@code detail}, and properties that say exactly what was wrong and where.
 */
public class ProblemException extends RuntimeException {

	/** Problem types are URNs: stable names that need no server to resolve. */
	public static final String TYPE_PREFIX = "urn:waveplan:problem:";

	private final HttpStatus status;

	private final String type;

	private final String title;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	private Duration retryAfter;

	public ProblemException(HttpStatus status, String type, String title, String detail) {
		super(detail);
		this.status = status;
		this.type = type;
		this.title = title;
	}

	public static ProblemException notFound(String what) {
		return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", what);
	}

	/** A request value that is wrong, named by its field. */
	public static ProblemException invalid(String field, String reason) {
		return invalid(List.of(Map.of("field", field, "reason", reason)));
	}

	/** Request values that are wrong, each a map with {@code field} and {@code reason}. */
	public static ProblemException invalid(List<Map<String, Object>> errors) {
		String detail = errors.stream()
			.map(e -> e.get("field") + ": " + e.get("reason"))
			.collect(Collectors.joining("; "));
		return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail)
			.with("errors", List.copyOf(errors));
	}

	/** Why a value could not be read as its field's type, the same words from the API and the pages. */
	public static String unreadable(Object value) {
		return "'" + value + "' is not a valid value";
	}

	public ProblemException with(String name, Object value) {
		properties.put(name, value);
		return this;
	}

	/** Tells the client when to try again ({@code Retry-After}): the trouble is expected to pass. */
	public ProblemException retryAfter(Duration wait) {
		this.retryAfter = wait;
		return this;
	}

	public HttpStatus status() {
		return status;
	}

	/** The answer, with its {@code Retry-After} if it has one. */
	public ResponseEntity<ProblemDetail> toResponse() {
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
		if (retryAfter != null) {
			answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter.toSeconds()));
		}
		return answer.body(toProblemDetail());
	}

	public ProblemDetail toProblemDetail() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
		problem.setType(URI.create(TYPE_PREFIX + type));
		problem.setTitle(title);
		properties.forEach(problem::setProperty);
		return problem;
	}

	/** Answers the problem from a servlet filter, where no exception handler is there to do it. */
	public void writeTo(HttpServletResponse response, ObjectMapper json) throws IOException {
		response.setStatus(status.value());
		if (retryAfter != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter.toSeconds()));
		}
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), toProblemDetail());
	}

}
