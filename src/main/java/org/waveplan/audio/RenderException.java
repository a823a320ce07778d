package org.waveplan.audio;

import java.io.IOException;

/** An airing could not be rendered; no file of it is left behind. */
public class RenderException extends RuntimeException {

	private final String reason;

	RenderException(String reason) {
		this(reason, null);
	}

	RenderException(String reason, Throwable cause) {
		super(reason, cause);
		this.reason = reason;
	}

	/**
	 * Whether another attempt may succeed: FFmpeg was stopped (timeout, shutdown), the render was interrupted,
	 * or a file could not be written. A source that does not decode, or an output that fails its check, fails the same way again.
	 */
	public boolean retryable() {
		return getCause() instanceof FfmpegException || getCause() instanceof IOException
				|| getCause() instanceof InterruptedException;
	}

	/** Why, in words for the people who run the schedule. */
	public String reason() {
		return reason;
	}

}
