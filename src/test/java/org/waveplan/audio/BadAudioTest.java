package org.waveplan.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.waveplan.audio.AudioFixtures.METER;
import static org.waveplan.audio.AudioFixtures.RENDERER;
import static org.waveplan.audio.AudioFixtures.ffmpeg;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.waveplan.audio.BadAudio.Case;
import org.waveplan.audio.BadAudio.Outcome;

/**
 * Every file of the bad-input corpus ({@link BadAudio}) on the service's path: the ingest analysis, then a render
 * for an AM shortwave site (MP3, mono, 22.05 kHz) and a FLAC one. Each ends well: refused with a reason a person
 * understands and no file left, or rendered to verified files.
 * <p>
 * The hour-long file is rendered for a 10-minute airing (trimmed, with a fade): a render of the whole hour would take
 * about 45 s on two cores, too long for a test.
 */
class BadAudioTest {

	static final OutputSpec AM_MP3 = new OutputSpec("am", Codec.MP3, 64, 22_050, 1, Preset.AM_SW);

	static final OutputSpec FLAC = new OutputSpec("flac", Codec.FLAC, 0, 44_100, 2, Preset.NONE);

	@TempDir
	static Path corpus;

	@TempDir
	Path work;

	@ParameterizedTest
	@EnumSource(Case.class)
	void endsWell(Case bad) throws Exception {
		Path file = bad.make(corpus);

		if (bad.outcome() == Outcome.REFUSED_AT_INGEST) {
			assertThatThrownBy(() -> METER.analyze(file)).isInstanceOf(UndecodableAudioException.class)
				.hasMessageStartingWith(file.getFileName() + ": ")
				.extracting(ex -> ((UndecodableAudioException) ex).reason())
				.asString()
				.contains(bad.reason());
			return;
		}
		AudioAnalysis analysis = METER.analyze(file);
		assertIngested(bad, analysis);
		RenderRequest request = new RenderRequest(file, analysis.loudness(), analysis.info().duration(), null,
				bad.airing(), List.of(AM_MP3, FLAC));

		if (bad.outcome() == Outcome.REFUSED_AT_RENDER) {
			assertThatThrownBy(() -> RENDERER.render(request, work)).isInstanceOf(RenderException.class)
				.extracting(ex -> ((RenderException) ex).reason())
				.asString()
				.contains(bad.reason());
			assertThat(work).isEmptyDirectory();
			return;
		}
		List<RenderedFile> rendered = RENDERER.render(request, work);

		assertThat(rendered).extracting(RenderedFile::spec).containsExactly(AM_MP3, FLAC);
		// at once, one FFmpeg per core: the 10-minute files take seconds each to decode and measure
		rendered.parallelStream().forEach(output -> assertVerified(output, bad.airing()));
	}

	/** What ingest makes of the file: it is what the case says. */
	private static void assertIngested(Case bad, AudioAnalysis analysis) {
		AudioInfo info = analysis.info();
		Loudness loudness = analysis.loudness();
		switch (bad) {
			case SURROUND_5_1 -> assertThat(info.channels()).isEqualTo(6);
			case RATE_192K -> assertThat(info.sampleRate()).isEqualTo(192_000);
			case SILENCE -> assertThat(loudness.silent()).isTrue();
			case ONE_HOUR -> assertThat(info.duration()).isCloseTo(Duration.ofHours(1), Duration.ofSeconds(1));
			// clipped at full scale: the peaks between the samples are above it
			case CLIPPED -> assertThat(loudness.truePeakDbtp()).isGreaterThan(3);
			default -> {
			}
		}
		assertThat(loudness.silent()).isEqualTo(bad == Case.SILENCE);
	}

	/** Decoded again, as a site would: the airing's length, the target loudness, under the true-peak ceiling. */
	private static void assertVerified(RenderedFile output, Duration airing) {
		OutputSpec spec = output.spec();
		AudioAnalysis analysis;
		try {
			analysis = METER.analyze(output.file());
		}
		catch (UndecodableAudioException ex) {
			throw new AssertionError(spec.name() + ": " + ex.getMessage(), ex);
		}

		assertThat(analysis.info().channels()).as(spec.name()).isEqualTo(spec.channels());
		assertThat(analysis.info().sampleRate()).as(spec.name()).isEqualTo(spec.fileSampleRate());
		if (spec.codec().lossy()) {
			assertThat(analysis.info().duration()).as(spec.name()).isCloseTo(airing, AudioRenderer.LENGTH_TOLERANCE);
		}
		else {
			assertThat(analysis.info().duration()).as(spec.name()).isEqualTo(airing);
		}
		assertThat(analysis.loudness().integratedLufs()).as(spec.name()).isCloseTo(-23, within(1.0));
		assertThat(analysis.loudness().truePeakDbtp()).as(spec.name()).isLessThanOrEqualTo(-1);
		assertThat(analysis.loudness()).isEqualTo(output.loudness());
	}

	/**
	 * Ingest took the episode, then it lost its second half on disk: the render refuses it with a reason and leaves
	 * nothing. FLAC and WAV end mid-frame (an error, incomplete packets); M4A loses its index (moov), at the end.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "flac", "wav", "m4a" })
	void refusesAnEpisodeCutShortAfterIngest(String extension) throws Exception {
		Path episode = episode(extension);
		AudioAnalysis analysis = METER.analyze(episode);
		BadAudio.truncate(episode, BadAudio.size(episode) / 2 + 1);
		RenderRequest request = new RenderRequest(episode, analysis.loudness(), analysis.info().duration(), null,
				Duration.ofSeconds(20),
				List.of(AM_MP3, FLAC));

		assertThatThrownBy(() -> RENDERER.render(request, work)).isInstanceOf(RenderException.class)
			.extracting(ex -> ((RenderException) ex).reason())
			.asString()
			.matches("the episode cannot be rendered: episode\\." + extension
					+ ": it is (cut short|damaged|cut short or damaged): .+");
		assertThat(work).isEmptyDirectory();
	}

	/**
	 * The same for MP3 and Ogg Vorbis, cut at half their bytes after ingest: their decoders meet no error at the cut,
	 * and the render's decode ({@code DecodeReport.endedEarly()}, since an airing may end before the episode) no
	 * longer compares the length decoded with the header's. The render pads the 10 s left with 10 s of silence and
	 * verification passes them (silence is below the loudness gate).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "mp3", "ogg" })
	void refusesAnEpisodeCutShortAfterIngestWithoutDecoderErrors(String extension) throws Exception {
		refusesAnEpisodeCutShortAfterIngest(extension);
	}

	/** 20 s of speech-like noise in the format of the extension. */
	private static Path episode(String extension) {
		Path episode = corpus.resolve("episode." + extension);
		ffmpeg("-i", BadAudio.speech(corpus, Duration.ofSeconds(20)).toString(), episode.toString());
		return episode;
	}

}
