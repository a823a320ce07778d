package org.waveplan.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ws.schild.jave.process.ProcessLocator;
import ws.schild.jave.process.ProcessWrapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.waveplan.shared.WaveplanProperties;

/**
 * Runs the FFmpeg 4.4 that Jave bundles, with our own arguments. FFmpeg reads no standard input
 * and writes files, never standard output (it is closed); its log comes back whole.
 */
@Component
public class Ffmpeg {

	private final ProcessLocator locator;

	private static final long LOG_PAUSE_MILLIS = 10;

	private static final Duration STOP_WAIT = Duration.ofSeconds(10);

	private static final Logger log = LoggerFactory.getLogger(Ffmpeg.class);

	// FFmpeg keeps a core busy: more processes than cores only make each one slower
	private final Semaphore processes;

	private final int maxProcesses;

	/** As many FFmpeg processes at once as there are cores, the binary in the user's own cache. */
	public Ffmpeg() {
		this(0);
	}

	@Autowired
	Ffmpeg(AudioProperties settings, WaveplanProperties waveplan) {
		this(settings.maxProcesses(), waveplan.dataDir().resolve("ffmpeg"));
	}

	/** @param maxProcesses how many FFmpeg processes may run at once; 0 for the number of cores */
	public Ffmpeg(int maxProcesses) {
		this(maxProcesses, FfmpegBinary.userDir());
	}

	/** @param binDir where the bundled binary is unpacked: the user's own, never a directory shared by users */
	Ffmpeg(int maxProcesses, Path binDir) {
		this.maxProcesses = maxProcesses > 0 ? maxProcesses : Runtime.getRuntime().availableProcessors();
		this.processes = new Semaphore(this.maxProcesses, true);
		this.locator = new FfmpegBinary(binDir);
	}

	/** The binary that runs. */
	Path executable() {
		return Path.of(locator.getExecutablePath());
	}

	/** How many FFmpeg processes may run at once; more wait for one to end. */
	public int maxProcesses() {
		return maxProcesses;
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
			throw new FfmpegException("interrupted while waiting for a free FFmpeg slot", null, e);
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
				throw new FfmpegException("cannot start " + locator.getExecutablePath(), null, ex);
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
				stopAndWait(args);
				throw new FfmpegException("FFmpeg did not finish within " + timeout + " and was stopped", command, ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new FfmpegException("interrupted, stopped FFmpeg", command, ex);
			}
			catch (ExecutionException ex) {
				throw new FfmpegException("cannot read the log of FFmpeg", command, ex.getCause());
			}
		}
	}

	/**
	 * Kills the FFmpeg run with these arguments and waits for it to end: one told to stop as it starts may still
	 * create its output file after the caller has cleaned its files up (Jave's wrapper stops it without waiting).
	 */
	private static void stopAndWait(List<String> args) {
		ProcessHandle.current().children()
			.filter(child -> child.info().arguments().map(a -> Arrays.asList(a).containsAll(args)).orElse(false))
			.forEach(child -> {
				child.destroyForcibly();
				try {
					child.onExit().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				catch (ExecutionException | TimeoutException ex) {
					log.warn("FFmpeg (pid {}) did not end within {} of being killed", child.pid(), STOP_WAIT);
				}
			});
	}

	/**
	 * The whole stream as text, each line also passed on; FFmpeg ends its status lines with {@code \r}.
	 * <p>
	 * FFmpeg writes its log unbuffered, a line at a time, and ebur128 logs a line for every 100 ms of audio: woken
	 * for each, this thread took about half a second of CPU an hour of audio from FFmpeg. Pausing when the pipe has
	 * run dry lets the lines gather in it (10 ms of them is far from the 64 KiB it holds, so FFmpeg never waits).
	 */
	private static String read(InputStream in, Consumer<String> lines) throws IOException {
		StringBuilder log = new StringBuilder();
		Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
		char[] block = new char[65536];
		int lineStart = 0;
		int read;
		while ((read = reader.read(block)) >= 0) {
			int from = log.length();
			log.append(block, 0, read);
			for (int i = from; i < log.length(); i++) {
				char c = log.charAt(i);
				if (c == '\n' || c == '\r') {
					lines.accept(log.substring(lineStart, i));
					lineStart = i + 1;
				}
			}
			if (in.available() == 0) {
				pause();
			}
		}
		if (lineStart < log.length()) {
			lines.accept(log.substring(lineStart));
		}
		return log.toString();
	}

	private static void pause() throws IOException {
		try {
			Thread.sleep(LOG_PAUSE_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while reading the log of FFmpeg");
		}
	}

	/** How an FFmpeg run ended: its exit code and its whole log (stderr). */
	public record Result(int exitCode, String log) {
	}

}
