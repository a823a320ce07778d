package org.waveplan.bundles;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.waveplan.bundles.ForbiddenStrings.Hit;
import org.waveplan.bundles.ForbiddenStrings.Where;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ForbiddenStringsTest {

	static final ForbiddenStrings DENY = new ForbiddenStrings(List.of("Free Voice Radio", "자유의 소리", " "));

	@TempDir
	Path dir;

	/** Noise that holds no letters of the deny-list: bytes 0x80-0xFF, as in compressed audio. */
	static byte[] noise(int length) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) (0x80 | (i * 31 % 128));
		}
		return bytes;
	}

	static byte[] planted(int length, int at, String text, Charset charset) {
		byte[] bytes = noise(length);
		byte[] plant = text.getBytes(charset);
		System.arraycopy(plant, 0, bytes, at, plant.length);
		return bytes;
	}

	Path zip(BundleEntry... entries) throws IOException {
		Path zip = dir.resolve("bundle.zip");
		Files.deleteIfExists(zip);
		BundleArchive.write(List.of(entries), zip);
		return zip;
	}

	@Test
	void aStringPlantedInStoredAudioIsFoundInUtf8AndUtf16LeWithItsEntryAndOffsets() throws IOException {
		Path zip = zip(BundleEntry.bytes("index.html", "<p>fine</p>".getBytes(StandardCharsets.UTF_8)),
				BundleEntry.bytes("01.mp3", planted(5000, 1234, "FREE voice RADIO", StandardCharsets.UTF_8)),
				BundleEntry.bytes("02.mp3", planted(5000, 777, "자유의 소리", StandardCharsets.UTF_16LE)));
		List<Hit> hits = DENY.scan(zip);
		assertThat(hits).extracting(Hit::string, Hit::encoding, Hit::where, Hit::entry, Hit::entryOffset)
			.containsExactly(tuple("Free Voice Radio", "UTF-8", Where.DATA, "01.mp3", 1234L),
					tuple("자유의 소리", "UTF-16LE", Where.DATA, "02.mp3", 777L));
		// the offsets in the ZIP point at the very bytes
		byte[] bytes = Files.readAllBytes(zip);
		assertThat(new String(bytes, (int) hits.get(0).zipOffset(), 16, StandardCharsets.UTF_8))
			.isEqualTo("FREE voice RADIO");
		assertThat(new String(bytes, (int) hits.get(1).zipOffset(), 12, StandardCharsets.UTF_16LE)).isEqualTo("자유의 소리");
		assertThat(hits.get(1).describe()).isEqualTo(
				"\"자유의 소리\" (UTF-16LE) in 02.mp3 at byte 777 (byte " + hits.get(1).zipOffset() + " of the ZIP)");
	}

	@Test
	void utf16BigEndianAndMixedCaseAreFoundToo() throws IOException {
		Path zip = zip(BundleEntry.bytes("01.mp3", planted(300, 10, "fReE vOiCe RaDiO", StandardCharsets.UTF_16BE)));
		assertThat(DENY.scan(zip)).extracting(Hit::encoding, Hit::entryOffset)
			.contains(tuple("UTF-16BE", 10L));
	}

	@Test
	void nonAsciiCaseIsFoldedThroughTheStringsLowerAndUpperForms() throws IOException {
		ForbiddenStrings cyrillic = new ForbiddenStrings(List.of("Свобода"));
		Path zip = zip(BundleEntry.bytes("01.mp3", planted(200, 0, "СВОБОДА", StandardCharsets.UTF_8)),
				BundleEntry.bytes("02.mp3", planted(200, 50, "свобода", StandardCharsets.UTF_16LE)));
		assertThat(cyrillic.scan(zip)).extracting(Hit::entry, Hit::entryOffset)
			.containsExactly(tuple("01.mp3", 0L), tuple("02.mp3", 50L));
	}

	@Test
	void deflatedTextIsSearchedInflatedAtItsOffsetInTheEntry() throws IOException {
		String html = "<p>" + "a".repeat(4000) + "</p><p>free voice radio</p>";
		Path zip = zip(BundleEntry.bytes("index.html", html.getBytes(StandardCharsets.UTF_8)));
		// deflated, the bytes of the ZIP do not hold it; the content does
		assertThat(new String(Files.readAllBytes(zip), StandardCharsets.ISO_8859_1)).doesNotContainIgnoringCase("free voice");
		assertThat(DENY.scan(zip)).extracting(Hit::where, Hit::entry, Hit::entryOffset, Hit::zipOffset)
			.containsExactly(tuple(Where.INFLATED, "index.html", (long) html.indexOf("free"), -1L));
	}

	@Test
	void aStringSplitBetweenTwoEntriesIsNoHit() throws IOException {
		byte[] end = planted(100, 90, "Free Voice", StandardCharsets.UTF_8);
		byte[] start = planted(100, 0, " Radio", StandardCharsets.UTF_8);
		Path zip = zip(BundleEntry.bytes("01.mp3", end), BundleEntry.bytes("02.mp3", start),
				BundleEntry.bytes("a.html", "x Free Voice".getBytes(StandardCharsets.UTF_8)),
				BundleEntry.bytes("b.html", " Radio x".getBytes(StandardCharsets.UTF_8)));
		assertThat(DENY.scan(zip)).isEmpty();
	}

	@Test
	void aStringAcrossTheScannersReadBlocksIsFound() throws IOException {
		// the entry's data starts after a 30-byte header and its 6-byte name: the ZIP's first 64 KiB end inside it
		int at = (1 << 16) - 36 - 5;
		Path zip = zip(BundleEntry.bytes("01.mp3", planted(200_000, at, "자유의 소리", StandardCharsets.UTF_8)));
		List<Hit> hits = DENY.scan(zip);
		assertThat(hits).extracting(Hit::entryOffset).containsExactly((long) at);
		assertThat(hits.get(0).zipOffset()).isEqualTo((1 << 16) - 5);
	}

	@Test
	void aNameIsFoundInItsHeaderAndInTheCentralDirectory() throws IOException {
		Path zip = zip(BundleEntry.bytes("01.mp3", noise(10)), BundleEntry.bytes("자유의 소리.mp3", noise(10)));
		List<Hit> hits = DENY.scan(zip);
		assertThat(hits).extracting(Hit::where, Hit::entry)
			.containsExactly(tuple(Where.HEADER, "자유의 소리.mp3"),
					tuple(Where.CENTRAL_DIRECTORY, null));
		assertThatThrownBy(() -> DENY.requireNone(zip)).hasMessageContaining("in the header of 자유의 소리.mp3")
			.hasMessageContaining("central directory");
	}

	@Test
	void hitsAreKeptUpToALimitForAStringThatTurnsUpEverywhere() throws IOException {
		Path zip = zip(BundleEntry.bytes("01.mp3", "ab".repeat(10_000).getBytes(StandardCharsets.US_ASCII)));
		assertThat(new ForbiddenStrings(List.of("b")).scan(zip)).hasSize(ForbiddenStrings.MOST_HITS);
	}

	@Test
	void theDemoAudioIsClean() throws IOException {
		Path zip = zip(BundleEntry.file("01.mp3", Path.of("audio-samples", "news-bulletin-mono.mp3")),
				BundleEntry.file("02.mp3", Path.of("audio-samples", "line-up-tones-stereo.mp3")));
		DENY.requireNone(zip);
		assertThat(new ForbiddenStrings(List.of("", "  ")).isEmpty()).isTrue();
	}

	@Test
	void aStringInUtf16AmongZerosIsFoundAsLittleEndianAndAsBigEndianOneByteBefore() throws IOException {
		Path big = dir.resolve("big.raw");
		try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
			file.setLength(64L << 20);
			file.seek((64L << 20) - 100);
			file.write("Free Voice Radio".getBytes(StandardCharsets.UTF_16LE));
		}
		Path zip = zip(BundleEntry.file("01.mp3", big));
		// "F\0r\0e\0..." after a zero byte is "\0F\0r\0e..." too: both are reported, neither can be ruled out
		assertThat(DENY.scan(zip)).extracting(Hit::encoding, Hit::entryOffset)
			.containsExactly(tuple("UTF-16BE", (64L << 20) - 101), tuple("UTF-16LE", (64L << 20) - 100));
	}

}
