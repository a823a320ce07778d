package org.waveplan.shared;

import java.io.IOException;

/** The object store did not answer or refused: a trouble of the service that should pass, not of the request. */
class StoreUnavailableException extends IOException {

	StoreUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
