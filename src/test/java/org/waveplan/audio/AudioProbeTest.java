package org.waveplan.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.waveplan.audio.AudioFixtures.FEATURE_STEREO_FLAC;
import static org.waveplan.audio.AudioFixtures.NEWS_MONO_MP3;
import static org.waveplan.audio.AudioFixtures.PROBE;
import static org.waveplan.audio.AudioFixtures.QUIET_MONO_WAV;
import static org.waveplan.audio.AudioFixtures.TONES_STEREO_MP3;
import static org.waveplan.audio.AudioFixtures.ffmpeg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AudioProbeTest {

	@TempDir
	static Path dir;

	static Path m4a;

	static Path opus;

	@BeforeAll
	static void encodeMore() {
		m4a = dir.resolve("feature-stereo.m4a");
		opus = dir.resolve("news-bulletin-mono.opus");
		ffmpeg("-i", FEATURE_STEREO_FLAC.toString(), "-c:a", "aac", "-b:a", "96k", m4a.toString());
		ffmpeg("-i", NEWS_MONO_MP3.toString(), "-c:a", "libopus", "-b:a", "32k", opus.toString());
	}

	static Stream<Arguments> soundFiles() {
		return Stream.of(Arguments.of(NEWS_MONO_MP3, "mp3", "mp3", 44100, 1, 30.952),
				Arguments.of(TONES_STEREO_MP3, "mp3", "mp3", 44100, 2, 30.0),
				Arguments.of(FEATURE_STEREO_FLAC, "flac", "flac", 44100, 2, 32.098),
				Arguments.of(QUIET_MONO_WAV, "wav", "pcm_s16le", 22050, 1, 26.791),
				// AAC decodes whole frames of 1024 samples, the last one padded
				Arguments.of(m4a, "mov,mp4,m4a,3gp,3g2,mj2", "aac", 44100, 2, 32.113),
				Arguments.of(opus, "ogg", "opus", 48000, 1, 30.952));
	}

	@ParameterizedTest
	@MethodSource("soundFiles")
	void probesSoundFiles(Path file, String container, String codec, int sampleRate, int channels, double seconds)
			throws UndecodableAudioException {
		AudioInfo info = PROBE.probe(file);

		assertThat(info).extracting(AudioInfo::container, AudioInfo::codec, AudioInfo::sampleRate, AudioInfo::channels)
			.containsExactly(container, codec, sampleRate, channels);
		assertThat(info.duration()).isCloseTo(Duration.ofMillis(Math.round(seconds * 1000)), Duration.ofMillis(20));
	}

	@Test
	void refusesAnEmptyFile() throws IOException {
		Path empty = Files.createFile(dir.resolve("empty.mp3"));

		assertRefused(empty, "it is empty (0 bytes)");
	}

	@Test
	void refusesTextNamedMp3() throws IOException {
		Path text = Files.writeString(dir.resolve("running-order.mp3"), "Monday: news, weather, feature.\n");

		assertRefused(text, "it is not an audio file that FFmpeg can read (");
	}

	@Test
	void refusesWavCutToItsFirstBytes() throws IOException {
		assertRefused(cut(QUIET_MONO_WAV, 300), "it is cut short or damaged: FFmpeg read incomplete packets");
		assertRefused(cut(QUIET_MONO_WAV, 44),
				"it is cut short or damaged: FFmpeg cannot open it (no 'data' tag found");
	}

	@Test
	void refusesMp3CutToItsHeader() throws IOException {
		assertRefused(cut(NEWS_MONO_MP3, 400), "it is cut short or damaged: FFmpeg cannot open it (");
		// the decoder's error where the file ends
		assertRefused(cut(NEWS_MONO_MP3, 1200),
				"it is cut short or damaged: it decodes to 0.1 s of the 31.0 s that its header announces; FFmpeg met 1 "
						+ "error(s) decoding it, the first: invalid new backstep -1");
	}

	@Test
	void refusesFilesCutHalfway() throws IOException {
		assertRefused(cut(FEATURE_STEREO_FLAC, 700_000), "it is cut short or damaged: it decodes to 14.0 s of the 32.1 s");
		assertRefused(cut(TONES_STEREO_MP3, 200_000), "it is cut short: it decodes to 12.5 s of the 30.0 s");
		assertRefused(cut(QUIET_MONO_WAV, 500_000), "it is cut short or damaged");
	}

	/** Whole, but garbled from the middle on: the decoder's errors tell that it is damaged, not only cut short. */
	@Test
	void refusesAFileWhoseDecoderFailsMidStream() {
		Path garbled = BadAudio.codecDiesMidStream(dir);

		assertThatThrownBy(() -> PROBE.probe(garbled)).isInstanceOf(UndecodableAudioException.class)
			.extracting(ex -> ((UndecodableAudioException) ex).reason())
			.asString()
			.matches("it is cut short or damaged: it decodes to 18.3 s of the 20.0 s that its header announces; "
					+ "FFmpeg met \\d+ error\\(s\\) decoding it, the first: Header missing");
	}

	/** One byte flipped in a FLAC frame decodes without an error: only the frame's checksum tells. */
	@Test
	void refusesAFlacFrameThatFailsItsChecksum() {
		Path rotten = BadAudio.bitRotFlac(dir);

		assertRefused(rotten, "it is damaged: FFmpeg met 1 error(s) decoding it, the first: CRC error at PTS ");
	}

	@Test
	void refusesVideoWithoutAudio() {
		Path video = dir.resolve("test-card.mp4");
		ffmpeg("-f", "lavfi", "-i", "testsrc=d=1:s=32x32", "-c:v", "mpeg4", video.toString());

		assertRefused(video, "it has no audio stream, only video");
	}

	@Test
	void refusesZeroDuration() {
		Path zero = dir.resolve("zero.wav");
		ffmpeg("-f", "lavfi", "-i", "anullsrc=r=44100", "-t", "0", zero.toString());

		assertRefused(zero, "it holds no audio (zero duration)");
	}

	private static Path cut(Path file, int bytes) throws IOException {
		String name = file.getFileName().toString().replaceFirst("\\.", "-" + bytes + ".");
		return Files.write(dir.resolve(name), Arrays.copyOf(Files.readAllBytes(file), bytes));
	}

	private static void assertRefused(Path file, String reason) {
		assertThatThrownBy(() -> PROBE.probe(file)).isInstanceOf(UndecodableAudioException.class)
			.hasMessageStartingWith(file.getFileName() + ": ")
			.extracting(ex -> ((UndecodableAudioException) ex).reason())
			.asString()
			.startsWith(reason);
	}

}
