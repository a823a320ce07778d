package org.waveplan.audio;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Input and output errors in words for a person: from a Java exception (never its class name), or found in
 * FFmpeg's log, where a full disk reads like any other failure of the run.
 */
final class IoFaults {

	/** The errors of the C library that FFmpeg logs when a file cannot be written or read: they may pass. */
	private static final Pattern IN_LOG = Pattern.compile("(?<full>No space left on device|Disk quota exceeded"
			+ "|File too large)|Input/output error|Read-only file system|Permission denied|Stale file handle");

	private IoFaults() {
	}

	static String describe(IOException ex) {
		if (ex instanceof NoSuchFileException missing) {
			return missing.getFile() + " does not exist";
		}
		if (ex instanceof AccessDeniedException denied) {
			return "permission denied for " + denied.getFile();
		}
		if (ex instanceof FileAlreadyExistsException inTheWay) {
			return inTheWay.getFile() + " is in the way (a file where a directory belongs?)";
		}
		if (ex instanceof NotDirectoryException notDir) {
			return notDir.getFile() + " is not a directory";
		}
		if (ex instanceof FileSystemException fs && fs.getReason() != null) {
			return sentence(fs.getReason()) + (fs.getFile() == null ? "" : " (" + fs.getFile() + ")");
		}
		return ex.getMessage() == null ? "an input or output error" : sentence(ex.getMessage());
	}

	/**
	 * The failure of a run that FFmpeg could not finish for an input or output error, which may pass; empty if it
	 * failed otherwise.
	 */
	static Optional<RenderException> inLog(Ffmpeg.Result result, Path workDir) {
		if (result.exitCode() == 0) {
			return Optional.empty();
		}
		Matcher m = IN_LOG.matcher(result.log());
		if (!m.find()) {
			return Optional.empty();
		}
		// only writes fill a disk; another error may as well have come from reading the episode or ident
		String where = m.group("full") != null ? "cannot write in " + workDir : "cannot write in " + workDir
				+ " or read the sources";
		return Optional.of(new RenderException(where + ": " + sentence(m.group()), true, null));
	}

	private static String sentence(String text) {
		return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
	}

}
