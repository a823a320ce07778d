package org.waveplan.audio;

import java.nio.file.Path;

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

}
