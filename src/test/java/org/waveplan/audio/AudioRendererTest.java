package org.waveplan.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.waveplan.audio.AudioFixtures.FEATURE_STEREO_FLAC;
import static org.waveplan.audio.AudioFixtures.FFMPEG;
import static org.waveplan.audio.AudioFixtures.GRAPHS;
import static org.waveplan.audio.AudioFixtures.METER;
import static org.waveplan.audio.AudioFixtures.NEWS_MONO_MP3;
import static org.waveplan.audio.AudioFixtures.PROBE;
import static org.waveplan.audio.AudioFixtures.PROCESSING;
import static org.waveplan.audio.AudioFixtures.QUIET_MONO_WAV;
import static org.waveplan.audio.AudioFixtures.RENDERER;
import static org.waveplan.audio.AudioFixtures.TONES_STEREO_MP3;
import static org.waveplan.audio.AudioFixtures.ffmpeg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AudioRendererTest {

	static final OutputSpec AM_MP3 = new OutputSpec("am", Codec.MP3, 64, 22_050, 1, Preset.AM_SW);

	static final OutputSpec MW_AAC = new OutputSpec("mw", Codec.AAC_M4A, 64, 24_000, 1, Preset.MW);

	static final OutputSpec FLAC_STEREO = new OutputSpec("flac", Codec.FLAC, 0, 44_100, 2, Preset.NONE);

	/** Opus below 64 kb/s loses up to 2 LU of noisy content, which verification would refuse. */
	static final OutputSpec OPUS = new OutputSpec("opus", Codec.OPUS_OGG, 64, 48_000, 1, Preset.AM_SW);

	static final OutputSpec WAV = new OutputSpec("wav", Codec.WAV_PCM16, 0, 22_050, 1, Preset.MW);

	/**
	 * A steep measuring high-pass, flat from 5.9 kHz and at least 40 dB down below 5.5 kHz
	 * ({@link #measuresAboveSixKilohertz}): what it lets through can only overstate the energy above 6 kHz.
	 */
	static final String ABOVE_6_KHZ = "firequalizer=gain_entry='entry(0,-120);entry(5500,-120);entry(5900,0);"
			+ "entry(1e6,0)':delay=0.05:wfunc=nuttall";

	private static final Pattern RMS = Pattern.compile("RMS level dB: (\\S+)");

	@TempDir
	static Path sources;

	@TempDir
	Path work;

	static Path speech;

	static Path noise;

	static Path tones;

	static Path surround;

	@BeforeAll
	static void generate() {
		speech = generated("speech.wav", "anoisesrc=c=pink:r=44100:a=0.5:d=12,"
				+ "volume='0.05+0.95*abs(sin(2*PI*1.7*t))*abs(sin(2*PI*0.3*t))':eval=frame");
		noise = generated("noise.wav", "anoisesrc=c=white:r=48000:a=0.3:d=12,aformat=channel_layouts=stereo");
		tones = generated("tones.wav", "aevalsrc='0.2*sin(2*PI*1000*t)+0.2*sin(2*PI*7000*t)':s=44100:d=12");
		// 5.1 at 192 kHz: a different tone in each channel
		surround = generated("surround.wav", "aevalsrc='0.2*sin(2*PI*300*t)|0.2*sin(2*PI*500*t)|0.2*sin(2*PI*700*t)"
				+ "|0.1*sin(2*PI*60*t)|0.2*sin(2*PI*900*t)|0.2*sin(2*PI*1100*t)':s=192000:c=5.1:d=12");
	}

	private static Path generated(String name, String source) {
		Path file = sources.resolve(name);
		ffmpeg("-f", "lavfi", "-i", source, file.toString());
		return file;
	}

	static Stream<Path> sourcesOfEveryKind() {
		return Stream.of(NEWS_MONO_MP3, TONES_STEREO_MP3, FEATURE_STEREO_FLAC, QUIET_MONO_WAV, speech, noise, tones,
				surround);
	}

	@ParameterizedTest
	@MethodSource("sourcesOfEveryKind")
	void hitsLoudnessAndTruePeakForEveryPreset(Path source) throws Exception {
		List<RenderedFile> rendered = render(source, null, Duration.ofSeconds(10), AM_MP3, MW_AAC, FLAC_STEREO);

		for (RenderedFile file : rendered) {
			Loudness loudness = METER.measure(file.file());
			assertThat(loudness.integratedLufs()).as(file.spec().name()).isCloseTo(-23, within(1.0));
			assertThat(loudness.truePeakDbtp()).as(file.spec().name()).isLessThanOrEqualTo(-1);
			assertThat(loudness).isEqualTo(file.loudness());
		}
		Path am = rendered.get(0).file();
		assertThat(PROBE.probe(am).channels()).isEqualTo(1);
		assertThat(rms(am, ABOVE_6_KHZ) - rms(am, "anull")).as("energy above 6 kHz against all").isLessThan(-40);
	}

	/** Clicks far above a quiet tone: the gain to the target would put them above 0 dBFS, the limiter takes them. */
	@Test
	void limitsPeaksUnderTheCeiling() throws Exception {
		Path clicks = generated("clicks.wav", clicks(0.1, 0.001));
		List<RenderedFile> rendered = render(clicks, null, Duration.ofSeconds(10), AM_MP3, MW_AAC, FLAC_STEREO, OPUS);

		for (RenderedFile file : rendered) {
			Loudness loudness = METER.measure(file.file());
			assertThat(loudness.truePeakDbtp()).as(file.spec().name()).isLessThanOrEqualTo(-1);
			assertThat(loudness.integratedLufs()).as(file.spec().name()).isCloseTo(-23, within(1.0));
		}
	}

	/** When the peaks are the loudness, limiting them leaves the file too quiet: refused, not aired. */
	@Test
	void refusesWhatTheLimiterHoldsDown() {
		Path clicks = generated("loud-clicks.wav", clicks(0.02, 0.003));

		assertThatThrownBy(() -> render(clicks, null, Duration.ofSeconds(10), AM_MP3))
			.isInstanceOf(RenderException.class)
			.hasMessageContaining("held down by the peak limiter");
		assertThat(work).isEmptyDirectory();
	}

	/** A 440 Hz tone of the amplitude with clicks of 0.9 and the length every half second. */
	private static String clicks(double tone, double click) {
		return "aevalsrc='if(lt(mod(t\\,0.5)\\," + click + ")\\,0.9\\,0)+" + tone
				+ "*sin(2*PI*440*t)':s=44100:d=12";
	}

	/** The compressor is gentle: a passage 25 dB quieter than the rest stays 20 dB and more below it. */
	@Test
	void keepsTwentyDecibelsOfDynamicRange() throws Exception {
		Path loudThenQuiet = generated("loud-then-quiet.wav",
				"anoisesrc=c=pink:r=44100:a=0.5:d=12,volume='if(lt(t,6),1,0.056)':eval=frame");
		RenderedFile am = render(loudThenQuiet, null, Duration.ofSeconds(12), WAV).get(0);

		double loud = rms(am.file(), "atrim=start=1:end=5");
		double quiet = rms(am.file(), "atrim=start=7:end=11");
		assertThat(loud - quiet).isGreaterThan(20);
	}

	/** The measurement itself: 6 kHz and up pass whole, 5.5 kHz and below are 40 dB down and more. */
	@ParameterizedTest
	@ValueSource(ints = { 4500, 5000, 5500, 6000, 6500, 9000 })
	void measuresAboveSixKilohertz(int frequency) {
		Path tone = generated("tone-" + frequency + ".wav", "sine=f=" + frequency + ":r=22050:d=3");

		double measured = rms(tone, ABOVE_6_KHZ) - rms(tone, "anull");

		if (frequency >= 6000) {
			assertThat(measured).isCloseTo(0, within(0.5));
		}
		else {
			assertThat(measured).isLessThan(-40);
		}
	}

	/** The low-pass is -3 dB at its cutoff and steep above. */
	@ParameterizedTest
	@ValueSource(ints = { 22_050, 48_000 })
	void lowPassIsThreeDecibelsDownAtTheCutoffAndSteepAbove(int rate) {
		String lowPass = GRAPHS.lowPass(Preset.AM_SW);
		Map<Integer, Double> gains = new TreeMap<>();
		for (int frequency : List.of(4000, 4500, 5000, 6000)) {
			Path tone = generated("tone-" + frequency + "-" + rate + ".wav",
					"sine=f=" + frequency + ":r=" + rate + ":d=3");
			gains.put(frequency, rms(tone, lowPass) - rms(tone, "anull"));
		}

		assertThat(gains.get(4000)).isCloseTo(0, within(0.1));
		assertThat(gains.get(4500)).isCloseTo(-3, within(0.5));
		assertThat(gains.get(5000)).isLessThan(-40);
		assertThat(gains.get(6000)).isLessThan(-45);
	}

	@Test
	void encodesEveryCodecToTheAiringsLength() throws Exception {
		// 12 s of source padded to 15 s
		List<RenderedFile> rendered = render(speech, null, Duration.ofSeconds(15), AM_MP3, MW_AAC, FLAC_STEREO, OPUS,
				WAV);

		assertThat(rendered).extracting(f -> f.file().getFileName().toString().replaceAll(".*\\.", ""))
			.containsExactly("mp3", "m4a", "flac", "ogg", "wav");
		for (RenderedFile file : rendered) {
			AudioInfo info = PROBE.probe(file.file());
			assertThat(info.duration()).as(file.spec().name())
				.isCloseTo(Duration.ofSeconds(15), AudioRenderer.LENGTH_TOLERANCE);
			assertThat(info.channels()).isEqualTo(file.spec().channels());
			assertThat(info.sampleRate()).isEqualTo(file.spec().fileSampleRate());
			assertThat(file.duration()).isEqualTo(info.duration());
			assertThat(file.sha256()).matches("[0-9a-f]{64}");
		}
		assertThat(rendered).extracting(f -> PROBE.probe(f.file()).codec())
			.containsExactly("mp3", "aac", "flac", "opus", "pcm_s16le");
	}

	@Test
	void padsAndTrimsToTheExactLength() throws Exception {
		// lengths of whole samples at 22.05 kHz
		RenderedFile padded = render(speech, null, Duration.ofMillis(14_320), WAV).get(0);
		RenderedFile trimmed = render(speech, null, Duration.ofMillis(7_660), WAV).get(0);

		assertThat(PROBE.probe(padded.file()).duration()).isEqualTo(Duration.ofMillis(14_320));
		assertThat(PROBE.probe(trimmed.file()).duration()).isEqualTo(Duration.ofMillis(7_660));
		// the trimmed episode fades out: its last 50 ms are all but silent
		assertThat(rms(trimmed.file(), "areverse,atrim=duration=0.05")).isLessThan(-50);
		assertThat(rms(padded.file(), "areverse,atrim=duration=2")).isLessThan(-90);
	}

	@Test
	void rendersTheSameFilesTogetherAsAlone() throws Exception {
		OutputSpec[] specs = { AM_MP3, MW_AAC, FLAC_STEREO, OPUS, WAV };
		List<RenderedFile> together = render(FEATURE_STEREO_FLAC, null, Duration.ofSeconds(10), specs);

		for (int i = 0; i < specs.length; i++) {
			RenderedFile alone = render(FEATURE_STEREO_FLAC, null, Duration.ofSeconds(10), specs[i]).get(0);
			assertThat(alone.sha256()).as(specs[i].name()).isEqualTo(together.get(i).sha256());
		}
	}

	@Test
	void playsTheIdentFirstAndConvertsAnySource() throws Exception {
		Path ident = generated("ident.mp3", "sine=f=800:r=44100:d=2");
		RenderedFile file = render(surround, ident, Duration.ofSeconds(14), AM_MP3, FLAC_STEREO).get(1);

		assertThat(PROBE.probe(file.file()).duration()).isEqualTo(Duration.ofSeconds(14));
		assertThat(file.loudness().integratedLufs()).isCloseTo(-23, within(1.0));
		// the ident's 800 Hz tone and the episode after it
		assertThat(rms(file.file(), "atrim=duration=1.9,bandpass=f=800:w=50")).isGreaterThan(-30);
		assertThat(rms(file.file(), "atrim=start=3:duration=5,bandpass=f=800:w=50")).isLessThan(-50);
	}

	@Test
	void reportsProgressToTheEnd() throws Exception {
		List<Double> progress = new ArrayList<>();
		RENDERER.render(request(speech, null, Duration.ofSeconds(10), AM_MP3, FLAC_STEREO), work, progress::add);

		assertThat(progress).isSortedAccordingTo(Double::compare).last().isEqualTo(1.0);
		assertThat(progress).first().isEqualTo(0.0);
	}

	@Test
	void refusesACorruptSourceAndLeavesNoFile() throws IOException {
		Path corrupt = Files.writeString(sources.resolve("episode.mp3"), "Monday: news, weather, feature.\n");

		// as if ingest had measured it
		RenderRequest request = new RenderRequest(corrupt, new Loudness(-20, 5, -3, -30), Duration.ofSeconds(10), null,
				Duration.ofSeconds(10),
				List.of(AM_MP3, FLAC_STEREO));

		assertThatThrownBy(() -> RENDERER.render(request, work))
			.isInstanceOf(RenderException.class)
			.extracting(ex -> ((RenderException) ex).reason())
			.asString()
			.startsWith("the episode cannot be rendered: episode.mp3: it is not an audio file that FFmpeg can read");
		assertThat(work).isEmptyDirectory();
	}

	/** Silence is not raised to the target: better no file than dead air. */
	@Test
	void refusesASilentEpisode() throws Exception {
		Path silence = generated("silence.wav", "anullsrc=r=44100:cl=mono:d=12");

		assertThatThrownBy(() -> render(silence, null, Duration.ofSeconds(10), AM_MP3))
			.isInstanceOf(RenderException.class)
			.hasMessage("am: the rendered file is silent; the episode is silent or nearly (it is not raised by more "
					+ "than 30.0 dB)");
		assertThat(work).isEmptyDirectory();
	}

	/** A site whose file cannot meet its spec has none; the others have theirs, and all-or-nothing has none. */
	@Test
	void anOutputThatFailsItsCheckLeavesTheOthersTheirFiles() throws Exception {
		OutputSpec tooLoud = new OutputSpec("too-loud", Codec.FLAC, 0, 44_100, 1, -5, -9, Preset.NONE);
		RenderRequest request = request(speech, null, Duration.ofSeconds(10), AM_MP3, tooLoud, FLAC_STEREO);

		List<RenderOutcome> outcomes = RENDERER.renderEach(request, work, progress -> {
		});

		assertThat(outcomes).extracting(RenderOutcome::spec).containsExactly(AM_MP3, tooLoud, FLAC_STEREO);
		assertThat(outcomes).extracting(RenderOutcome::rendered).containsExactly(true, false, true);
		assertThat(outcomes.get(1).failure().reason()).startsWith("too-loud: the file's loudness is")
			.contains("not -5.0 LUFS");
		assertThat(outcomes.get(1).failure().retryable()).isFalse();
		try (Stream<Path> files = Files.list(work)) {
			assertThat(files).containsExactlyInAnyOrder(outcomes.get(0).file().file(), outcomes.get(2).file().file());
		}
		for (RenderOutcome outcome : List.of(outcomes.get(0), outcomes.get(2))) {
			assertThat(METER.analyze(outcome.file().file()).loudness().integratedLufs()).isCloseTo(-23, within(1.0));
			Files.delete(outcome.file().file());
		}

		assertThatThrownBy(() -> RENDERER.render(request, work)).isInstanceOf(RenderException.class)
			.hasMessageStartingWith("too-loud: the file's loudness is");
		assertThat(work).isEmptyDirectory();
	}

	/** PCM of the measuring run fills the disk: a failure that may pass, told in a line that names the directory. */
	@Test
	void aDiskFullWhileMeasuringMayPass() throws Exception {
		Path tiny = work.resolve("tiny");
		List<RenderOutcome> outcomes;
		try (TinyDisk disk = TinyDisk.mount(tiny, 256)) {
			outcomes = RENDERER.renderEach(request(speech, null, Duration.ofSeconds(10), AM_MP3, MW_AAC), tiny,
					share -> {
					});
			try (Stream<Path> files = Files.list(tiny)) {
				assertThat(files).as("nothing left on the full disk").isEmpty();
			}
		}
		assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.failure()).satisfies(fullDisk(tiny)));
	}

	/** An output without filters is written by its encoding run only: that run meets the full disk. */
	@Test
	void aDiskFullWhileEncodingMayPass() throws Exception {
		Path tiny = work.resolve("tiny");
		try (TinyDisk disk = TinyDisk.mount(tiny, 256)) {
			assertThatThrownBy(() -> RENDERER.render(request(speech, null, Duration.ofSeconds(10), FLAC_STEREO), tiny))
				.isInstanceOfSatisfying(RenderException.class, fullDisk(tiny));
			try (Stream<Path> files = Files.list(tiny)) {
				assertThat(files).as("nothing left on the full disk").isEmpty();
			}
		}
	}

	private static java.util.function.Consumer<RenderException> fullDisk(Path dir) {
		return failure -> {
			assertThat(failure.retryable()).as(failure.reason()).isTrue();
			assertThat(failure.reason()).isEqualTo("cannot write in " + dir + ": no space left on device");
		};
	}

	@Test
	void stopsFfmpegAfterTheTimeout() {
		AudioRenderer impatient = new AudioRenderer(FFMPEG, METER, new AudioProperties(Duration.ofMillis(1), 0),
				PROCESSING);

		assertThatThrownBy(() -> impatient.render(request(speech, null, Duration.ofSeconds(10), AM_MP3), work))
			.isInstanceOfSatisfying(RenderException.class, failure -> {
				// a line for a person: not FFmpeg's whole command
				assertThat(failure.reason()).isEqualTo("FFmpeg did not finish within PT0.001S and was stopped");
				assertThat(failure.retryable()).isTrue();
			});
		assertThat(work).isEmptyDirectory();
	}

	private List<RenderedFile> render(Path source, Path ident, Duration length, OutputSpec... outputs)
			throws UndecodableAudioException {
		List<RenderedFile> rendered = RENDERER.render(request(source, ident, length, outputs), work);
		assertThat(rendered).extracting(RenderedFile::spec).containsExactly(outputs);
		return rendered;
	}

	private static RenderRequest request(Path source, Path ident, Duration length, OutputSpec... outputs)
			throws UndecodableAudioException {
		AudioAnalysis analysis = METER.analyze(source);
		return new RenderRequest(source, analysis.loudness(), analysis.info().duration(), ident, length,
				List.of(outputs));
	}

	/** RMS level (dBFS, all channels) of the file through the filter. */
	private static double rms(Path file, String filter) {
		Matcher m = RMS.matcher(ffmpeg("-i", file.toString(), "-af",
				filter + ",astats=measure_perchannel=0:measure_overall=RMS_level", "-f", "null", "-"));
		double level = Double.NaN;
		while (m.find()) {
			level = m.group(1).equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(m.group(1));
		}
		return level;
	}

	/**
	 * A tone at -6 dBFS with a dip of 6 dB from 1.0 to 1.5 s: the check finds every block of 100 ms over -9 dBTP but
	 * those inside the dip, whose ramps of 20 ms reach only the blocks next to it.
	 */
	@Test
	void aDipLowersItsStretchAndTheCheckFindsTheSpotsAroundIt(@TempDir Path dir) throws Exception {
		OutputSpec wav = new OutputSpec("wav", Codec.WAV_PCM16, 0, 48_000, 1, -16, -1, Preset.NONE, Metadata.NONE);
		Path tone = dir.resolve("tone.wav");
		Path dipped = dir.resolve("dipped.wav");
		ffmpeg("-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000:duration=3", "-af", "volume=12dB",
				tone.toString());
		List<String> args = new ArrayList<>(List.of("-i", tone.toString(), "-filter_complex", "[0:a:0]" + GRAPHS
			.finish(wav, new FilterGraph.Levels(0, 0).dipped(List.of(new FilterGraph.Dip(1.0, 1.5, 6))),
					Duration.ofSeconds(3))));
		args.addAll(FilterGraph.encoding(wav, dipped));
		ffmpeg(args.toArray(String[]::new));

		LoudnessMeter.PeakCheck check = METER.check(dipped, -9);

		assertThat(check.analysis().loudness().truePeakDbtp()).isCloseTo(-6, within(0.1));
		assertThat(check.spots()).extracting(LoudnessMeter.PeakSpot::startSeconds)
			.containsExactlyElementsOf(Stream.iterate(0.0, t -> t < 2.95, t -> t + 0.1)
				.map(t -> Math.round(t * 10) / 10.0)
				.filter(t -> t < 0.95 || t > 1.45)
				.toList());
		assertThat(check.spots()).allSatisfy(spot -> assertThat(spot.peakDbtp()).isCloseTo(-6, within(0.1)));
	}

	@Test
	void spotsNextToEachOtherMakeOneDipThatStartsBeforeThem() {
		List<LoudnessMeter.PeakSpot> spots = List.of(new LoudnessMeter.PeakSpot(10.0, -0.5),
				new LoudnessMeter.PeakSpot(10.1, 0.2), new LoudnessMeter.PeakSpot(30.0, -0.8));

		assertThat(AudioRenderer.dips(spots, -1)).containsExactly(new FilterGraph.Dip(9.9, 10.2, 1.7),
				new FilterGraph.Dip(29.9, 30.1, 0.7));
	}

}
