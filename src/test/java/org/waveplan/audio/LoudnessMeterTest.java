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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
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

	/**
	 * The news bulletin decodes to 30.98 s: a value for each of its 30 full seconds. The first two windows are not
	 * full yet and read the floor; the others are that speech's loudness, about its integrated -15.1 LUFS.
	 */
	@Test
	void theCurveHasTheShortTermLoudnessOnceASecond() throws UndecodableAudioException {
		AudioAnalysis analysis = METER.analyze(NEWS_MONO_MP3);
		LoudnessCurve curve = analysis.curve();

		assertThat(analysis.info().duration().toMillis()).isBetween(30_900L, 31_000L);
		assertThat(curve.seconds()).isEqualTo(30);
		assertThat(curve.lufsAt(1)).isEqualTo(Loudness.FLOOR);
		assertThat(curve.lufsAt(2)).isEqualTo(Loudness.FLOOR);
		for (int second = 3; second <= 30; second++) {
			assertThat(curve.lufsAt(second)).as("second %d", second).isBetween(-20.0, -12.0);
		}
		// the same as ebur128 logs it at 30.0 s, in half units
		String log = ffmpeg("-i", NEWS_MONO_MP3.toString(), "-af", LoudnessMeter.loudnessFilter("check"), "-f", "null",
				"-");
		Matcher at30 = Pattern.compile("t: 30 .*? S:\\s*(\\S+)").matcher(log);
		assertThat(at30.find()).isTrue();
		assertThat(curve.lufsAt(30)).isCloseTo(Double.parseDouble(at30.group(1)), within(0.25));
		assertThat(LoudnessCurve.of(curve.bytes())).isEqualTo(curve);
	}

	@Test
	void aSilentFileHasAFlatCurveAtTheFloor(@TempDir Path dir) throws UndecodableAudioException {
		Path silence = dir.resolve("silence.wav");
		ffmpeg("-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo", "-t", "5.5", silence.toString());

		LoudnessCurve curve = METER.analyze(silence).curve();

		assertThat(curve.seconds()).isEqualTo(5);
		assertThat(IntStream.rangeClosed(1, 5).mapToDouble(curve::lufsAt)).containsOnly(Loudness.FLOOR);
	}

	@Test
	void analyzeProbesAndMeasuresInOneDecode() throws UndecodableAudioException {
		AudioAnalysis analysis = METER.analyze(FEATURE_STEREO_FLAC);

		assertThat(analysis.info()).isEqualTo(PROBE.probe(FEATURE_STEREO_FLAC));
		assertThat(analysis.loudness()).isEqualTo(METER.measure(FEATURE_STEREO_FLAC));
	}

}
