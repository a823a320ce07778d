package org.waveplan.bundles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.waveplan.shared.Sha256;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BundleContentsTest {

	static final Path NEWS = Path.of("audio-samples", "news-bulletin-mono.mp3");

	@Test
	void thePageAndPlaylistComeFirstTheAudioInOrderAndTheSumsOfAllLast() throws IOException {
		List<BundleItem> items = List.of(new BundleItem("뉴스", "아침", Duration.ofSeconds(31), "01.mp3"),
				new BundleItem("뉴스", "저녁", Duration.ofSeconds(31), "02.mp3"));
		List<BundleEntry> entries = BundleContents.of(items, List.of(NEWS, NEWS), "en");
		assertThat(entries).extracting(BundleEntry::path)
			.containsExactly("index.html", "playlist.m3u8", "01.mp3", "02.mp3", "SHA256SUMS");
		assertThat(entries.get(0).bytes()).isEqualTo(IndexPage.of(items, "en"));
		assertThat(entries.get(2).file()).isEqualTo(NEWS);
		String sums = new String(entries.get(4).bytes(), StandardCharsets.UTF_8);
		assertThat(sums.lines()).containsExactly(Sha256.hex(entries.get(0).bytes()) + "  index.html",
				Sha256.hex(entries.get(1).bytes()) + "  playlist.m3u8", Sha256.of(NEWS) + "  01.mp3",
				Sha256.of(NEWS) + "  02.mp3");
		assertThatThrownBy(() -> BundleContents.of(items, List.of(NEWS), "en")).hasMessageContaining("2 episodes, 1 files");
	}

}
