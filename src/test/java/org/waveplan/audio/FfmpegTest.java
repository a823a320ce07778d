package org.waveplan.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.waveplan.audio.AudioFixtures.FFMPEG;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegTest {

	@Test
	void runsNoMoreProcessesAtOnceThanAllowed() throws Exception {
		Ffmpeg single = new Ffmpeg(1);
		// one second of audio read in real time, logging as it goes, so that the first run is surely still going
		List<String> args = List.of("-re", "-f", "lavfi", "-i", "anullsrc", "-t", "1", "-f", "null", "-");
		AtomicLong firstLastLine = new AtomicLong();
		AtomicLong secondFirstLine = new AtomicLong();
		CountDownLatch firstStarted = new CountDownLatch(1);
		Thread first = new Thread(() -> single.run(args, Duration.ofMinutes(1), line -> {
			firstLastLine.set(System.nanoTime());
			firstStarted.countDown();
		}));
		first.start();
		firstStarted.await();
		single.run(args, Duration.ofMinutes(1), line -> secondFirstLine.compareAndSet(0, System.nanoTime()));
		first.join();
		// in order, not by a margin of time: the second logs nothing before the first has logged its last line
		assertThat(secondFirstLine.get()).isGreaterThan(firstLastLine.get());
	}

	/** Not Jave's {@code /tmp/jave}, which the first user of a host would own for every other. */
	@Test
	void unpacksItsBinaryIntoTheDirectoryItIsGiven(@TempDir Path dir) throws Exception {
		Ffmpeg own = new Ffmpeg(1, dir.resolve("ffmpeg"));

		assertThat(own.executable().getParent()).isEqualTo(dir.resolve("ffmpeg"));
		assertThat(Files.getPosixFilePermissions(own.executable()))
			.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
					PosixFilePermission.OWNER_EXECUTE);
		assertThat(own.run(List.of("-f", "lavfi", "-i", "anullsrc", "-t", "1", "-f", "null", "-"), Duration.ofMinutes(1))
			.exitCode()).isZero();
		try (var files = Files.list(dir.resolve("ffmpeg"))) {
			assertThat(files).as("no temp file left").containsExactly(own.executable());
		}
		// a second start finds it unpacked
		assertThat(new Ffmpeg(1, dir.resolve("ffmpeg")).executable()).isEqualTo(own.executable());
	}

	@Test
	void returnsExitCodeAndLog() {
		Ffmpeg.Result ok = FFMPEG.run(List.of("-f", "lavfi", "-i", "anullsrc", "-t", "1", "-f", "null", "-"),
				Duration.ofMinutes(1));
		Ffmpeg.Result wrong = FFMPEG.run(List.of("-no-such-option"), Duration.ofMinutes(1));

		assertThat(ok.exitCode()).isZero();
		assertThat(ok.log()).contains("Output #0, null").doesNotContain("ffmpeg version");
		assertThat(wrong.exitCode()).isNotZero();
		assertThat(wrong.log()).contains("Unrecognized option 'no-such-option'");
	}

	@Test
	void readsALogLargerThanThePipe() {
		// ebur128 logs a line every 100 ms: 2 minutes of audio log about 200 kB, more than a pipe buffers
		Ffmpeg.Result result = FFMPEG.run(List.of("-f", "lavfi", "-i", "sine=d=120", "-af", "ebur128", "-f", "null",
				"-"), Duration.ofMinutes(1));

		assertThat(result.exitCode()).isZero();
		assertThat(result.log().length()).isGreaterThan(128 * 1024);
		assertThat(result.log()).contains("t: 119.9", "Summary:");
	}

	@Test
	void stopsFfmpegAfterTheTimeout() throws Exception {
		// -re: reads the endless source at its pace, so FFmpeg would run forever
		List<String> endless = List.of("-re", "-f", "lavfi", "-i", "anullsrc", "-f", "null", "-");

		assertThatThrownBy(() -> FFMPEG.run(endless, Duration.ofMillis(300))).isInstanceOf(FfmpegException.class)
			.hasMessageStartingWith("FFmpeg did not finish within PT0.3S and was stopped: -re -f lavfi");
		for (ProcessHandle child : ProcessHandle.current().children().toList()) {
			assertThat(child.onExit().get(1, TimeUnit.MINUTES).isAlive()).isFalse();
		}
	}

}
