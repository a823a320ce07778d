package org.waveplan.shared;

import java.net.URI;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every error as an RFC 7807 problem with a stable type, saying which field or which
 * place in the input was wrong, and never with a stack trace.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<ProblemDetail> problem(ProblemException e) {
		return e.toResponse();
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
		return problem(ProblemException.invalid(e.getName(), ProblemException.unreadable(e.getValue())));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
		log.info("Refused a change that breaks a database constraint: {}", e.getMostSpecificCause().getMessage());
		return problem(new ProblemException(HttpStatus.CONFLICT, "duplicate", "Conflicts with existing data",
				"the change conflicts with existing data (a name or code that must be unique is taken, or the entry is still in use)"));
	}

	// rethrown so that Spring Security's handlers answer them (401/403 problems)
	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	void security(RuntimeException e) {
		throw e;
	}

	// too large is answered by the superclass (413); this is a form cut short or malformed: the sender's doing
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> unreadableUpload(MultipartException e) {
		log.info("Refused an upload that cannot be read: {}", e.getMostSpecificCause().getMessage());
		return problem(new ProblemException(HttpStatus.BAD_REQUEST, "unreadable-upload", "Unreadable upload",
				"the upload cannot be read: it was cut short or is not a well-formed multipart form"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e) {
		if (DatabaseOutage.causes(e)) {
			log.warn("Database unavailable: {}", e.getMessage());
			return problem(DatabaseOutage.problem());
		}
		log.error("Unexpected error", e);
		return problem(new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
				"the server could not complete the request; it has been logged"));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(FormProblem.of(e.getBindingResult()).toProblemDetail());
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemException problem = new ProblemException(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request body",
				"the request body is not valid JSON for this request");
		if (e.getCause() instanceof JsonProcessingException json) {
			JsonLocation at = json.getLocation();
			problem = new ProblemException(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request body",
					json.getOriginalMessage());
			if (at != null) {
				problem.with("line", at.getLineNr()).with("column", at.getColumnNr());
			}
			if (json instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
				problem.with("field", fieldPath(mapping));
			}
		}
		return ResponseEntity.badRequest().body(problem.toProblemDetail());
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem
				&& (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
			HttpStatus status = HttpStatus.resolve(statusCode.value());
			String slug = status == null ? "http-" + statusCode.value() : status.name().toLowerCase().replace('_', '-');
			problem.setType(URI.create(ProblemException.TYPE_PREFIX + slug));
		}
		return response;
	}

	private static String fieldPath(JsonMappingException mapping) {
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference ref : mapping.getPath()) {
			if (ref.getFieldName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
			}
			else {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.toString();
	}

}
