package org.waveplan.bundles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.waveplan.shared.Sha256;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PlaylistAndChecksumsTest {

	@TempDir
	Path dir;

	@Test
	void thePlaylistIsExtendedM3uInUtf8WithLfLineEnds() {
		byte[] m3u = Playlist.of(List.of(new BundleItem("p", "오늘의 소식, 1부", Duration.ofMillis(31_600), "01.mp3"),
				new BundleItem("p", "two\r\nlines", Duration.ofHours(1), "장마당.mp3")));
		assertThat(new String(m3u, StandardCharsets.UTF_8)).isEqualTo("""
				#EXTM3U
				#EXTINF:32,오늘의 소식, 1부
				01.mp3
				#EXTINF:3600,two lines
				장마당.mp3
				""");
		assertThat(m3u).doesNotContain((byte) '\r');
	}

	@Test
	void sumsNameEveryFileButThemselvesAsCoreutilsChecksThem() throws IOException, InterruptedException {
		Path news = Path.of("audio-samples", "news-bulletin-mono.mp3");
		byte[] index = "<p>index</p>\n".getBytes(StandardCharsets.UTF_8);
		List<BundleEntry> entries = new ArrayList<>(List.of(BundleEntry.bytes("index.html", index),
				BundleEntry.file("오늘의 소식.mp3", news), BundleEntry.bytes(Checksums.NAME, new byte[0])));
		byte[] sums = Checksums.of(entries);
		assertThat(new String(sums, StandardCharsets.UTF_8)).isEqualTo(Sha256.hex(index) + "  index.html\n"
				+ Sha256.of(news) + "  오늘의 소식.mp3\n");

		// and coreutils agrees, on the files as a card would hold them
		Path sha256sum = Path.of("/usr/bin/sha256sum");
		assumeTrue(Files.isExecutable(sha256sum), "coreutils' sha256sum");
		Files.write(dir.resolve("index.html"), index);
		Files.copy(news, dir.resolve("오늘의 소식.mp3"));
		Files.write(dir.resolve(Checksums.NAME), sums);
		Process check = new ProcessBuilder(sha256sum.toString(), "--check", "--strict", Checksums.NAME)
			.directory(dir.toFile()).redirectErrorStream(true).start();
		String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(check.exitValue()).as(said).isZero();
		assertThat(said).contains("index.html: OK", "오늘의 소식.mp3: OK");
	}

}
