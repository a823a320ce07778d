package org.waveplan.audio;

/** FFmpeg could not be run to the end: it did not start, or it was stopped. */
public class FfmpegException extends RuntimeException {

	FfmpegException(String message, Throwable cause) {
		super(message, cause);
	}

}
