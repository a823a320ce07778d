package org.waveplan.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A tmpfs of a few kilobytes mounted on a directory, so that FFmpeg and Java really meet a full disk (ENOSPC).
 * Mounting needs root: without it the test is skipped, except under CI (the {@code CI} variable set), where it
 * fails, so that the test cannot silently stop running.
 */
public final class TinyDisk implements AutoCloseable {

	private final Path dir;

	private TinyDisk(Path dir) {
		this.dir = dir;
	}

	/** Mounts a tmpfs of {@code kilobytes} on {@code dir}, hiding what it held until it is closed. */
	public static TinyDisk mount(Path dir, int kilobytes) throws IOException, InterruptedException {
		Files.createDirectories(dir);
		String outcome = run("mount", "-t", "tmpfs", "-o", "size=" + kilobytes + "k", "tmpfs", dir.toString());
		if (outcome != null) {
			String why = "cannot mount a tmpfs to fill up (" + outcome + ")";
			if (System.getenv("CI") != null) {
				fail(why);
			}
			Assumptions.abort(why);
		}
		return new TinyDisk(dir);
	}

	@Override
	public void close() throws IOException, InterruptedException {
		String outcome = run("umount", dir.toString());
		if (outcome != null) {
			throw new IOException("cannot unmount " + dir + ": " + outcome);
		}
	}

	/** Runs the command; {@code null} if it succeeded, else what it said. */
	private static String run(String... command) throws IOException, InterruptedException {
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			return ex.getMessage();
		}
		String said = new String(process.getInputStream().readAllBytes()).strip();
		return process.waitFor() == 0 ? null : said;
	}

}
