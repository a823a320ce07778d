package org.waveplan.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.waveplan.audio.AudioFixtures.FEATURE_STEREO_FLAC;
import static org.waveplan.audio.AudioFixtures.FFMPEG;
import static org.waveplan.audio.AudioFixtures.METER;
import static org.waveplan.audio.AudioFixtures.NEWS_MONO_MP3;
import static org.waveplan.audio.AudioFixtures.PROBE;
import static org.waveplan.audio.AudioFixtures.QUIET_MONO_WAV;
import static org.waveplan.audio.AudioFixtures.RENDERER;
import static org.waveplan.audio.AudioFixtures.TONES_STEREO_MP3;
import static org.waveplan.audio.AudioFixtures.ffmpeg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.waveplan.Settings;

/** Files for people to carry ({@link Metadata#NONE}): nothing in them but their audio, checked on the files. */
class UntaggedRenderTest {

	/** For personal players and phones: MP3 mono 48 kb/s at 24 kHz, -16 LUFS, -1 dBTP. */
	static final OutputSpec PLAYER_MP3 = new OutputSpec("player", Codec.MP3, 48, 24_000, 1, -16, -1, Preset.NONE,
			Metadata.NONE);

	static final List<OutputSpec> EVERY_CODEC = List.of(PLAYER_MP3,
			new OutputSpec("aac", Codec.AAC_M4A, 64, 44_100, 2, -16, -1, Preset.NONE, Metadata.NONE),
			new OutputSpec("opus", Codec.OPUS_OGG, 64, 48_000, 1, -16, -1, Preset.NONE, Metadata.NONE),
			new OutputSpec("flac", Codec.FLAC, 0, 44_100, 2, -16, -1, Preset.NONE, Metadata.NONE),
			new OutputSpec("wav", Codec.WAV_PCM16, 0, 22_050, 1, -16, -1, Preset.NONE, Metadata.NONE));

	/** Planted in the source's tags: none of it may reach a file. */
	static final String TITLE = "Evening Bulletin of Free Voice Radio";

	/**
	 * What names a tool, a time or the source, searched case-insensitively in every byte: FFmpeg's libraries and
	 * muxers, LAME, libFLAC, the MP4 handler's name, tag keys, the year, the source's name and tags.
	 */
	static final List<String> FORBIDDEN = List.of("Lavf", "Lavc", "LAME", "ffmpeg", "libFLAC", "encoder", "vendor",
			"SoundHandler", "handler", "creation_time", "title", "2026", "news-bulletin", "bulletin", "Free Voice",
			"appl", "mdir", "ilst");

	@TempDir
	static Path sources;

	@TempDir
	Path work;

	static Path tagged;

	@BeforeAll
	static void plantTags() {
		tagged = sources.resolve("news-bulletin-tagged.mp3");
		ffmpeg("-i", NEWS_MONO_MP3.toString(), "-t", "12", "-c", "copy", "-metadata", "title=" + TITLE, "-metadata",
				"artist=Free Voice Radio", "-metadata", "date=2026-12-01", "-metadata", "creation_time=2026-12-01T20:00:00Z",
				tagged.toString());
	}

	@Test
	void theSourceCarriesWhatTheFilesMustNot() throws IOException {
		assertThat(tags(tagged)).containsEntry("title", TITLE).containsKey("date");
		assertThat(forbiddenIn(tagged)).contains("bulletin", "Free Voice", "2026");
	}

	@Test
	void everyCodecIsFreeOfTagsAndNamesAndTheSameTwice() throws Exception {
		List<RenderedFile> first = render(tagged, EVERY_CODEC);
		Path firstDir = Files.createDirectory(work.resolve("again"));
		List<RenderedFile> second = RENDERER.render(request(tagged, EVERY_CODEC), firstDir);

		for (int i = 0; i < first.size(); i++) {
			RenderedFile file = first.get(i);
			String name = file.spec().name();
			assertThat(tags(file.file())).as(name).isEqualTo(Untagged.structural(file.spec().codec()));
			assertThat(forbiddenIn(file.file())).as(name).isEmpty();
			assertThat(second.get(i).sha256()).as(name).isEqualTo(file.sha256());
			assertThat(Files.mismatch(file.file(), second.get(i).file())).as(name).isEqualTo(-1);
			// decodes whole, at the loudness asked for
			AudioAnalysis analysis = METER.analyze(file.file());
			assertThat(analysis.loudness().integratedLufs()).as(name).isCloseTo(-16, within(1.0));
			assertThat(analysis.loudness().truePeakDbtp()).as(name).isLessThanOrEqualTo(-1);
			assertThat(analysis.info().duration()).as(name)
				.isBetween(Duration.ofSeconds(12).minusMillis(50),
						Duration.ofSeconds(12).plus(AudioRenderer.LENGTH_TOLERANCE).plus(file.spec().lengthSlack()));
		}
		assertThat(first).extracting(f -> PROBE.probe(f.file()).codec())
			.containsExactly("mp3", "aac", "opus", "flac", "pcm_s16le");
		assertThat(mp4Times(Files.readAllBytes(first.get(1).file()), 0, Files.size(first.get(1).file())))
			.as("creation and modification times of mvhd, tkhd, mdhd")
			.containsExactly(0L, 0L, 0L, 0L, 0L, 0L);
	}

	/** The creation and modification times of the MP4's movie, track and media headers (version 0 boxes). */
	private static List<Long> mp4Times(byte[] mp4, int from, long to) {
		ByteBuffer bytes = ByteBuffer.wrap(mp4);
		List<Long> times = new ArrayList<>();
		for (int box = from; box + 8 <= to; box += bytes.getInt(box)) {
			String type = new String(mp4, box + 4, 4, StandardCharsets.ISO_8859_1);
			if (List.of("moov", "trak", "mdia").contains(type)) {
				times.addAll(mp4Times(mp4, box + 8, box + bytes.getInt(box)));
			}
			else if (List.of("mvhd", "tkhd", "mdhd").contains(type)) {
				assertThat(mp4[box + 8]).as(type + " version").isZero();
				times.add(Integer.toUnsignedLong(bytes.getInt(box + 12)));
				times.add(Integer.toUnsignedLong(bytes.getInt(box + 16)));
			}
		}
		return times;
	}

	static Stream<Path> demoEpisodes() {
		return Stream.of(NEWS_MONO_MP3, TONES_STEREO_MP3, FEATURE_STEREO_FLAC, QUIET_MONO_WAV);
	}

	/**
	 * The default for players, on each whole demo episode: loudness and true peak measured on the file. The quiet
	 * hour's voice has peaks 19.5 dB above its loudness: the limiter takes 1.6 LU of -16 LUFS, made up.
	 */
	@ParameterizedTest
	@MethodSource("demoEpisodes")
	void thePlayersMp3HitsMinus16LufsUnderMinus1Dbtp(Path source) throws Exception {
		RenderedFile file = render(source, List.of(PLAYER_MP3)).get(0);

		Loudness loudness = METER.measure(file.file());
		assertThat(loudness.integratedLufs()).isCloseTo(-16, within(1.0));
		assertThat(loudness.truePeakDbtp()).isLessThanOrEqualTo(-1);
		AudioInfo info = PROBE.probe(file.file());
		assertThat(info).extracting(AudioInfo::codec, AudioInfo::sampleRate, AudioInfo::channels)
			.containsExactly("mp3", 24_000, 1);
		assertThat(Files.size(file.file()) * 8 / (info.duration().toMillis() / 1000.0)).isCloseTo(48_000,
				within(1000.0));
		assertThat(tags(file.file())).isEmpty();
		assertThat(forbiddenIn(file.file())).isEmpty();
		String name = source.getFileName().toString().replaceAll("\\..*", "");
		assertThat(new String(Files.readAllBytes(file.file()), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT))
			.doesNotContain(name);
	}

	/**
	 * A lossy encoder at a low rate adds peaks of its own, which only the decoded file shows: with the limiter right
	 * at the ceiling (no margin), one encoding of the bulletin at 48 kb/s and -14 LUFS comes out over -1 dBTP. The renderer
	 * measures its file and encodes it again with the spots over the ceiling lowered, until it is under; so little
	 * is lowered that the loudness stays what it was.
	 */
	@Test
	void anMp3OverItsCeilingIsEncodedAgainWithItsSpotsLowered() throws Exception {
		ProcessingProperties noMargin = Settings.bind("waveplan.audio.processing", ProcessingProperties.class,
				Map.of("waveplan.audio.processing.limiter-margin-db", "0"));
		AudioRenderer renderer = new AudioRenderer(FFMPEG, METER, new AudioProperties(Duration.ofMinutes(30), 0),
				noMargin);
		OutputSpec loud = new OutputSpec("loud", Codec.MP3, 48, 24_000, 1, -14, -1, Preset.NONE, Metadata.NONE);
		RenderRequest request = request(NEWS_MONO_MP3, List.of(loud));
		FilterGraph graphs = new FilterGraph(noMargin);
		Path once = work.resolve("once.mp3");
		List<String> args = new ArrayList<>(List.of("-i", NEWS_MONO_MP3.toString(), "-filter_complex",
				graphs.chain(loud) + "," + graphs.finish(loud,
						new FilterGraph.Levels(FilterGraph.REFERENCE_LUFS - request.sourceLoudness().integratedLufs(),
								graphs.limit(loud)),
						request.length())));
		args.addAll(FilterGraph.encoding(loud, once));
		ffmpeg(args.toArray(String[]::new));
		Loudness onceMeasured = METER.measure(once);
		assertThat(onceMeasured.truePeakDbtp()).as("one encoding").isGreaterThan(-1);

		RenderedFile file = renderer.render(request, work).get(0);

		Loudness loudness = METER.measure(file.file());
		assertThat(loudness.truePeakDbtp()).isLessThanOrEqualTo(-1);
		assertThat(loudness.integratedLufs()).isCloseTo(onceMeasured.integratedLufs(), within(0.2));
	}

	/**
	 * FFmpeg, asked for no metadata and bit-exact, still writes the tools' names into MP3, Opus, FLAC and M4A;
	 * {@link Untagged} removes them and leaves the audio as it was (the same decoded samples).
	 */
	@ParameterizedTest
	@EnumSource(Codec.class)
	void untaggingRemovesWhatFfmpegLeavesAndKeepsTheAudio(Codec codec) throws IOException {
		OutputSpec spec = EVERY_CODEC.stream().filter(s -> s.codec() == codec).findFirst().orElseThrow();
		Path file = work.resolve("out." + codec.extension());
		List<String> args = new ArrayList<>(List.of("-i", tagged.toString(), "-t", "5", "-ar",
				String.valueOf(spec.fileSampleRate()), "-ac", String.valueOf(spec.channels())));
		args.addAll(FilterGraph.encoding(spec, file));
		ffmpeg(args.toArray(String[]::new));
		String decoded = decodedMd5(file);
		List<String> left = forbiddenIn(file);

		Untagged.strip(codec, file);

		assertThat(forbiddenIn(file)).isEmpty();
		assertThat(tags(file)).isEqualTo(Untagged.structural(codec));
		assertThat(decodedMd5(file)).isEqualTo(decoded);
		switch (codec) {
			case MP3 -> assertThat(left).contains("LAME");
			case OPUS_OGG -> assertThat(left).contains("ffmpeg", "encoder", "Lavc");
			case FLAC -> assertThat(left).contains("ffmpeg");
			case AAC_M4A -> assertThat(left).contains("SoundHandler", "ilst");
			case WAV_PCM16 -> assertThat(left).isEmpty();
		}
	}

	private List<RenderedFile> render(Path source, List<OutputSpec> outputs) throws UndecodableAudioException {
		return RENDERER.render(request(source, outputs), work);
	}

	private static RenderRequest request(Path source, List<OutputSpec> outputs) throws UndecodableAudioException {
		AudioAnalysis analysis = METER.analyze(source);
		Duration length = analysis.info().duration();
		return new RenderRequest(source, analysis.loudness(), length, null, length, outputs);
	}

	static Map<String, String> tags(Path file) {
		return Untagged.tags(FFMPEG, file, Duration.ofMinutes(1));
	}

	/** Which of {@link #FORBIDDEN} the file's bytes hold, case-insensitively. */
	static List<String> forbiddenIn(Path file) throws IOException {
		String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
		return FORBIDDEN.stream().filter(s -> bytes.contains(s.toLowerCase(Locale.ROOT))).toList();
	}

	private String decodedMd5(Path file) throws IOException {
		Path md5 = work.resolve("decoded.md5");
		ffmpeg("-i", file.toString(), "-map", "0:a:0", "-f", "md5", md5.toString());
		return Files.readString(md5).strip();
	}

}
