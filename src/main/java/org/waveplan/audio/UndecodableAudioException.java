package org.waveplan.audio;

import java.nio.file.Path;

import org.springframework.http.HttpStatus;
import org.waveplan.shared.ProblemException;

/** A file that is not sound audio: empty, no audio at all, cut short or damaged. */
public class UndecodableAudioException extends Exception {

	private final String reason;

	UndecodableAudioException(Path file, String reason) {
		super(file.getFileName() + ": " + reason);
		this.reason = reason;
	}

	/** Why the file was refused, in words for the person who uploaded it. */
	public String reason() {
		return reason;
	}

	/** The answer to the person who sent the file, which they call {@code what} ("the upload"). */
	public ProblemException problem(String what) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "undecodable-audio", "Not decodable audio",
				what + " is not decodable audio: " + reason);
	}

}
