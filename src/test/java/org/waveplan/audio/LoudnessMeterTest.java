package org.waveplan.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.waveplan.audio.AudioFixtures.FEATURE_STEREO_FLAC;
import static org.waveplan.audio.AudioFixtures.METER;
import static org.waveplan.audio.AudioFixtures.NEWS_MONO_MP3;
import static org.waveplan.audio.AudioFixtures.PROBE;
import static org.waveplan.audio.AudioFixtures.QUIET_MONO_WAV;
import static org.waveplan.audio.AudioFixtures.TONES_STEREO_MP3;
import static org.waveplan.audio.AudioFixtures.ffmpeg;

import java.nio.file.Path;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LoudnessMeterTest {

	static Stream<Arguments> samples() {
		return Stream.of(Arguments.of(NEWS_MONO_MP3, new Loudness(-15.1, 2.7, -0.6, -25.2)),
				Arguments.of(TONES_STEREO_MP3, new Loudness(-10.1, 17.5, -9.5, -21.4)),
				Arguments.of(FEATURE_STEREO_FLAC, new Loudness(-16.9, 1.4, -2.1, -26.9)),
				Arguments.of(QUIET_MONO_WAV, new Loudness(-34.1, 1.8, -14.6, -44.3)));
	}

	@ParameterizedTest
	@MethodSource("samples")
	void measuresSamples(Path file, Loudness expected) throws UndecodableAudioException {
		Loudness loudness = METER.measure(file);

		assertThat(loudness.integratedLufs()).isCloseTo(expected.integratedLufs(), within(0.1));
		assertThat(loudness.rangeLu()).isCloseTo(expected.rangeLu(), within(0.1));
		assertThat(loudness.truePeakDbtp()).isCloseTo(expected.truePeakDbtp(), within(0.1));
		assertThat(loudness.thresholdLufs()).isCloseTo(expected.thresholdLufs(), within(0.1));
		assertThat(loudness.silent()).isFalse();
	}

	/** loudnorm's analysis pass is the reference that the render pipeline's normalization will use. */
	@ParameterizedTest
	@MethodSource("samples")
	void agreesWithLoudnormWithinHalfAUnit(Path file) throws Exception {
		Loudness loudness = METER.measure(file);
		String log = ffmpeg("-i", file.toString(), "-af", "loudnorm=print_format=json", "-f", "null", "-");
		JsonNode loudnorm = new ObjectMapper().readTree(log.substring(log.lastIndexOf('{'), log.lastIndexOf('}') + 1));

		assertThat(loudness.integratedLufs()).isCloseTo(loudnorm.get("input_i").asDouble(), within(0.5));
		assertThat(loudness.rangeLu()).isCloseTo(loudnorm.get("input_lra").asDouble(), within(0.5));
		assertThat(loudness.truePeakDbtp()).isCloseTo(loudnorm.get("input_tp").asDouble(), within(0.5));
	}

	@Test
	void silenceReadsAtTheFloor(@TempDir Path dir) throws UndecodableAudioException {
		Path silence = dir.resolve("silence.wav");
		ffmpeg("-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo", "-t", "5", silence.toString());

		Loudness loudness = METER.measure(silence);

		assertThat(loudness).isEqualTo(new Loudness(-70, 0, -70, -70));
		assertThat(loudness.silent()).isTrue();
	}

	@Test
	void analyzeProbesAndMeasuresInOneDecode() throws UndecodableAudioException {
		AudioAnalysis analysis = METER.analyze(FEATURE_STEREO_FLAC);

		assertThat(analysis.info()).isEqualTo(PROBE.probe(FEATURE_STEREO_FLAC));
		assertThat(analysis.loudness()).isEqualTo(METER.measure(FEATURE_STEREO_FLAC));
	}

}
