package org.waveplan.audio;

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

	/** Why, in words for the people who run the schedule. */
	public String reason() {
		return reason;
	}

}
