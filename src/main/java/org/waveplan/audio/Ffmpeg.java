package org.waveplan.audio;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import ws.schild.jave.process.ProcessLocator;
import ws.schild.jave.process.ProcessWrapper;
import ws.schild.jave.process.ffmpeg.DefaultFFMPEGLocator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Runs the FFmpeg 4.4 that Jave bundles, with our own arguments. FFmpeg reads no standard input
 * and writes files, never standard output (it is closed); its log comes back whole.
 */
@Component
public class Ffmpeg {

	private final ProcessLocator locator;

	// FFmpeg keeps a core busy: more processes than cores only make each one slower
	private final Semaphore processes;

	/** As many FFmpeg processes at once as there are cores. */
	public Ffmpeg() {
		this(0);
	}

	@Autowired
	Ffmpeg(AudioProperties settings) {
		this(settings.maxProcesses());
	}

	/** @param maxProcesses how many FFmpeg processes may run at once; 0 for the number of cores */
	public Ffmpeg(int maxProcesses) {
		this.processes = new Semaphore(maxProcesses > 0 ? maxProcesses : Runtime.getRuntime().availableProcessors(),
				true);
		DefaultFFMPEGLocator locator = new DefaultFFMPEGLocator();
		// Jave unpacks the binary, then starts a chmod without waiting for it: the first run could race it
		if (!new File(locator.getExecutablePath()).setExecutable(true)) {
			throw new IllegalStateException("cannot make " + locator.getExecutablePath() + " executable");
		}
		this.locator = locator;
	}

	/**
	 * Runs FFmpeg to the end.
	 * @return its exit code and everything it logged
	 * @throws FfmpegException if it cannot start, or does not finish within the timeout (it is then killed)
	 */
	public Result run(List<String> args, Duration timeout) {
		return run(args, timeout, line -> {
		});
	}

	/**
	 * Runs FFmpeg to the end, handing every line of its log to {@code lines} as it comes (progress, for
	 * one), on the thread that reads the log.
	 * @return its exit code and everything it logged
	 * @throws FfmpegException if it cannot start, or does not finish within the timeout (it is then killed)
	 */
	public Result run(List<String> args, Duration timeout, Consumer<String> lines) {
		try {
			processes.acquire();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new FfmpegException("interrupted while waiting for a free FFmpeg slot", e);
		}
		try {
			return runNow(args, timeout, lines);
		}
		finally {
			processes.release();
		}
	}

	private Result runNow(List<String> args, Duration timeout, Consumer<String> lines) {
		String command = String.join(" ", args);
		try (ProcessWrapper process = locator.createExecutor()) {
			process.addArgument("-hide_banner");
			process.addArgument("-nostdin");
			args.forEach(process::addArgument);
			try {
				process.execute();
				process.getOutputStream().close();
				process.getInputStream().close();
			}
			catch (IOException ex) {
				throw new FfmpegException("cannot start " + locator.getExecutablePath(), ex);
			}
			// read on another thread: a full stderr pipe would block FFmpeg, and the timeout must still apply
			FutureTask<String> log = new FutureTask<>(() -> read(process.getErrorStream(), lines));
			Thread reader = new Thread(log, "ffmpeg-log");
			reader.setDaemon(true);
			reader.start();
			try {
				String stderr = log.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
				return new Result(process.getProcessExitCode(), stderr);
			}
			catch (TimeoutException ex) {
				throw new FfmpegException("FFmpeg did not finish within " + timeout + " and was stopped: " + command,
						ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new FfmpegException("interrupted, stopped FFmpeg: " + command, ex);
			}
			catch (ExecutionException ex) {
				throw new FfmpegException("cannot read the log of FFmpeg: " + command, ex.getCause());
			}
		}
	}

	/** The whole stream as text, each line also passed on; FFmpeg ends its status lines with {@code \r}. */
	private static String read(InputStream in, Consumer<String> lines) throws IOException {
		StringBuilder log = new StringBuilder();
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = reader.read()) >= 0) {
			log.append((char) c);
			if (c == '\n' || c == '\r') {
				lines.accept(line.toString());
				line.setLength(0);
			}
			else {
				line.append((char) c);
			}
		}
		if (!line.isEmpty()) {
			lines.accept(line.toString());
		}
		return log.toString();
	}

	/** How an FFmpeg run ended: its exit code and its whole log (stderr). */
	public record Result(int exitCode, String log) {
	}

}
