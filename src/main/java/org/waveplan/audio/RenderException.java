package org.waveplan.audio;

import java.io.IOException;
import java.nio.file.Path;

/** An airing could not be rendered; no file of it is left behind. */
public class RenderException extends RuntimeException {

	private final String reason;

	private final boolean retryable;

	/** A failure that comes again on every attempt: the source, an output that fails its check. */
	RenderException(String reason) {
		this(reason, false, null);
	}

	RenderException(String reason, boolean retryable, Throwable cause) {
		super(reason, cause);
		this.reason = reason;
		this.retryable = retryable;
	}

	/** A file in {@code dir} could not be written (or read back): space may be freed, the disk come back. */
	public static RenderException cannotWrite(Path dir, IOException ex) {
		return new RenderException("cannot write in " + dir + ": " + IoFaults.describe(ex), true, ex);
	}

	/**
	 * The object store could not give a source or take a rendition (unreachable, or the object missing or damaged):
	 * the store may come back, the object be uploaded again.
	 */
	public static RenderException storage(String what, IOException ex) {
		return new RenderException(what + ": " + IoFaults.describe(ex), true, ex);
	}

	/**
	 * Whether another attempt may succeed: FFmpeg was stopped (timeout, shutdown), the render was interrupted,
	 * or a file could not be written (a full disk, a disk error). A source that does not decode, or an output that
	 * fails its check, fails the same way again.
	 */
	public boolean retryable() {
		return retryable;
	}

	/** Why, in one line for the people who run the schedule. */
	public String reason() {
		return reason;
	}

}
