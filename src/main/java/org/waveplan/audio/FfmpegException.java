package org.waveplan.audio;

/** FFmpeg could not be run to the end: it did not start, or it was stopped. */
class FfmpegException extends RuntimeException {

	private final String reason;

	/** @param command what FFmpeg was run with, for the log; not part of the {@link #reason()} */
	FfmpegException(String reason, String command, Throwable cause) {
		super(command == null ? reason : reason + ": " + command, cause);
		this.reason = reason;
	}

	/** What happened, in a line for a person. */
	String reason() {
		return reason;
	}

}
