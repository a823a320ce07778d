package org.waveplan.bundles;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import org.waveplan.bundles.CardCapacity.CardFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CardCapacityTest {

	static final CardCapacity MB512 = CardCapacity.parse("512MB");

	static final List<CardFile> ALWAYS = List.of(new CardFile("index.html", 20_000), new CardFile("playlist.m3u8", 2_000),
			new CardFile("SHA256SUMS", 10_000));

	@Test
	void capacitiesAreReadInDecimalUnitsAsCardMakersPrintThem() {
		assertThat(CardCapacity.parse("8GB").nominalBytes()).isEqualTo(8_000_000_000L);
		assertThat(CardCapacity.parse("16 gb").nominalBytes()).isEqualTo(16_000_000_000L);
		assertThat(CardCapacity.parse("512MB").nominalBytes()).isEqualTo(512_000_000L);
		assertThat(CardCapacity.parse("1.5TB").nominalBytes()).isEqualTo(1_500_000_000_000L);
		assertThat(CardCapacity.parse("64G").nominalBytes()).isEqualTo(64_000_000_000L);
		for (String bad : List.of("8 GiB", "eight GB", "8", "GB", "-8GB")) {
			assertThatThrownBy(() -> CardCapacity.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining(bad.strip());
		}
		assertThatThrownBy(() -> CardCapacity.parse("10MB")).hasMessageContaining("at least 32 MB");
		assertThatThrownBy(() -> CardCapacity.parse("4TB")).hasMessageContaining("at most 2 TiB");
	}

	@Test
	void clustersGrowWithTheCardAsWindowsFormatsFat32() {
		assertThat(List.of("64GB", "32GB", "16GB", "8GB", "4GB", "512MB", "200MB", "100MB", "50MB").stream()
			.map(c -> CardCapacity.parse(c).clusterBytes())
			.toList()).containsExactly(32768, 32768, 16384, 8192, 4096, 4096, 2048, 1024, 512);
	}

	@Test
	void aOneByteFileTakesA32KibClusterOnA32GbCard() {
		CardCapacity card = CardCapacity.parse("32GB");
		// the file's cluster and the root directory's
		assertThat(card.footprint(List.of(new CardFile("01.mp3", 1)))).isEqualTo(2 * 32768);
		assertThat(card.footprint(List.of(new CardFile("01.mp3", 32769)))).isEqualTo(3 * 32768);
		assertThat(card.footprint(List.of(new CardFile("01.mp3", 0)))).isEqualTo(32768);
		assertThat(CardCapacity.parse("16GB").footprint(List.of(new CardFile("01.mp3", 1)))).isEqualTo(2 * 16384);
	}

	@Test
	void directoriesTakeWholeClustersOfEntriesWithALongNameEntryPer13Units() {
		List<CardFile> files = new ArrayList<>();
		for (int i = 0; i < 512; i++) {
			files.add(new CardFile(String.format(Locale.ROOT, "%022d.mp3", i), 0)); // 26 units: two long entries
		}
		// the volume label and 512 x (short + 2 long) entries of 32 bytes: 49,184 bytes in 13 clusters of 4 KiB
		assertThat(MB512.footprint(files)).isEqualTo(13 * 4096);
		// a folder: its entry in the root (short + long), its own ".", ".." and the file's two entries
		assertThat(MB512.footprint(List.of(new CardFile("오늘/01.mp3", 1), new CardFile("오늘/02.mp3", 1))))
			.isEqualTo(4096 + 4096 + 2 * 4096);
	}

	@Test
	void theUsableSpaceIsLessThanTheLabelSays() {
		for (String label : List.of("512MB", "8GB", "16GB", "32GB", "64GB")) {
			CardCapacity card = CardCapacity.parse(label);
			assertThat(card.usableBytes()).as(label)
				.isLessThan(card.nominalBytes() / 100 * 96)
				.isGreaterThan(card.nominalBytes() / 100 * 94);
			assertThat(card.usableBytes() % card.clusterBytes()).isZero();
		}
	}

	@Test
	void aBundleTooLargeSaysHowMuchIsOverAndHowManyEpisodesWouldFit() {
		List<CardFile> episodes = new ArrayList<>();
		for (int i = 1; i <= 100; i++) {
			episodes.add(new CardFile(String.format(Locale.ROOT, "%03d.mp3", i), 5_000_000));
		}
		CardCapacity.Fit fit = MB512.fit(episodes);
		// 100 x 5,001,216 (1,222 clusters of 4 KiB each) and the root's 201 entries in two clusters
		assertThat(fit.needed()).isEqualTo(100 * 5_001_216L + 8192);
		assertThat(fit.available()).isEqualTo(MB512.usableBytes());
		assertThat(fit.fits()).isFalse();
		assertThat(fit.over()).isEqualTo(fit.needed() - MB512.usableBytes()).isPositive();

		int fitting = MB512.fittingPrefix(ALWAYS, episodes);
		assertThat(fitting).isEqualTo(97);
		List<CardFile> files = new ArrayList<>(ALWAYS);
		files.addAll(episodes.subList(0, fitting));
		assertThat(MB512.fit(files).fits()).isTrue();
		assertThat(MB512.fit(files).over()).isZero();
		files.add(episodes.get(fitting));
		assertThat(MB512.fit(files).fits()).isFalse();
		assertThat(MB512.fittingPrefix(List.of(new CardFile("huge.mp3", 600_000_000)), episodes)).isZero();
	}

	@Test
	void fittingByBitrateTakesTheHighestThatFitsDownToTheFloor() {
		List<Duration> twentyHours = Collections.nCopies(20, Duration.ofHours(1));
		List<String> paths = FatNames.neutral(20, "mp3");
		// 64 kb/s: 588 MB, 56: 514 MB, 48: 441 MB on a card with 486 MB usable
		assertThat(MB512.bitrateThatFits(64, ALWAYS, paths, twentyHours)).isEqualTo(OptionalInt.of(48));
		assertThat(MB512.bitrateThatFits(40, ALWAYS, paths, twentyHours)).isEqualTo(OptionalInt.of(40));
		// a bitrate asked for off the ladder is tried first: 52 kb/s make 477 MB, 60 kb/s 551 MB
		assertThat(MB512.bitrateThatFits(52, ALWAYS, paths, twentyHours)).isEqualTo(OptionalInt.of(52));
		assertThat(MB512.bitrateThatFits(60, ALWAYS, paths, twentyHours)).isEqualTo(OptionalInt.of(48));
		assertThat(CardCapacity.parse("64GB").bitrateThatFits(128, ALWAYS, paths, twentyHours))
			.isEqualTo(OptionalInt.of(128));
		// 200 hours at 24 kb/s are 2.2 GB
		List<Duration> twoHundredHours = Collections.nCopies(200, Duration.ofHours(1));
		assertThat(MB512.bitrateThatFits(64, ALWAYS, FatNames.neutral(200, "mp3"), twoHundredHours)).isEmpty();
	}

	@Test
	void estimatedSizesOverReckonTheBitrate() {
		// 48 kb/s for an hour: 21.6 MB, 2 % and 16 KiB more
		assertThat(CardCapacity.estimatedSize(48, Duration.ofHours(1))).isEqualTo(22_032_000 + 16_384);
	}

}
