package org.waveplan.shared;

import java.io.IOException;
import java.time.Duration;

import org.springframework.http.HttpStatus;

/** The object store did not answer or refused: a trouble of the service that should pass, not of the request. */
public class StoreUnavailableException extends IOException {

	private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

	StoreUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

	/** The answer to a request that needed the store: 503 {@code storage-unavailable}, again in a little while. */
	public ProblemException answer(String consequence) {
		return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable", "Storage unavailable",
				"the object store cannot be reached just now (" + getMessage() + "); " + consequence + " in "
						+ RETRY_AFTER.toSeconds() + " s")
			.retryAfter(RETRY_AFTER);
	}

}
