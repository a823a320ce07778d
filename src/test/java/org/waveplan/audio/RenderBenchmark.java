package org.waveplan.audio;

import static org.waveplan.audio.AudioFixtures.METER;
import static org.waveplan.audio.AudioFixtures.RENDERER;
import static org.waveplan.audio.AudioFixtures.ffmpeg;
import static org.waveplan.audio.IngestBenchmark.time;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.waveplan.audio.IngestBenchmark.Timed;

/**
 * Times the render of a 60-minute episode (IngestBenchmark's) for three sites: Waveplan (ingest analysis, then
 * {@link AudioRenderer#render}); the naive way of ffmpeg-normalize (per site a loudnorm analysis pass, then a
 * loudnorm linear pass that encodes, with the same processing before it); and the floor, one FFmpeg command that
 * decodes once and encodes all three with the same filters and a fixed gain. Run with
 * {@code ./mvnw -B -q -Pbench test-compile exec:java -Dbench.main=org.waveplan.audio.RenderBenchmark}.
 */
public final class RenderBenchmark {

	private static final List<OutputSpec> SITES = List.of(
			new OutputSpec("tashkent-am", Codec.MP3, 128, 22_050, 1, Preset.AM_SW),
			new OutputSpec("tinian-mw", Codec.AAC_M4A, 64, 24_000, 1, Preset.MW),
			new OutputSpec("kranji-flac", Codec.FLAC, 0, 44_100, 2, Preset.NONE));

	/** 60 minutes; {@code -Dbench.minutes=N} for a shorter run while tuning. */
	private static final Duration LENGTH = Duration.ofMinutes(Long.getLong("bench.minutes", 60));

	private static final Pattern JSON_FIELD = Pattern.compile("\"(\\w+)\" : \"([^\"]+)\"");

	private RenderBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path dir = Files.createTempDirectory("render-benchmark");
		try {
			Path episode = IngestBenchmark.episode(dir, LENGTH);
			Path work = Files.createDirectory(dir.resolve("work"));

			Timed<List<RenderedFile>> waveplan = time(() -> {
				AudioAnalysis ingest = METER.analyze(episode);
				return RENDERER.render(new RenderRequest(episode, ingest.loudness(), ingest.info().duration(), null,
						LENGTH, SITES), work);
			});
			System.out.printf("Waveplan (ingest analysis + render): %.1f s%n", waveplan.seconds());
			waveplan.value()
				.forEach(file -> System.out.printf("  %s: %s, %s%n", file.spec().name(), file.duration(),
						file.loudness()));

			Timed<Void> naive = time(() -> {
				for (OutputSpec site : SITES) {
					naive(episode, site, dir.resolve("naive-" + site.name() + "." + site.codec().extension()));
				}
				return null;
			});
			System.out.printf("Naive (ffmpeg-normalize: loudnorm analysis, then linear loudnorm and encode, per site):"
					+ " %.1f s%n", naive.seconds());
			for (OutputSpec site : SITES) {
				System.out.printf("  %s: %s%n", site.name(),
						METER.measure(dir.resolve("naive-" + site.name() + "." + site.codec().extension())));
			}

			Timed<Void> floor = time(() -> {
				floor(episode, dir);
				return null;
			});
			System.out.printf("Floor (one FFmpeg command, one decode, same filters, three encodes): %.1f s%n",
					floor.seconds());
			System.out.printf("Waveplan / naive: %.2f (goal <= 0.25); Waveplan / floor: %.2f (goal <= 1.2)%n",
					waveplan.seconds() / naive.seconds(), waveplan.seconds() / floor.seconds());
		}
		finally {
			IngestBenchmark.deleteAll(dir);
		}
	}

	/** Two loudnorm passes over the site's processing, as ffmpeg-normalize runs them with a pre-filter. */
	private static void naive(Path episode, OutputSpec site, Path file) {
		String before = AudioFixtures.GRAPHS.chain(site);
		String target = String.format("I=%s:TP=%s:LRA=20", site.targetLufs(), site.truePeakCeilingDbtp());
		String log = ffmpeg("-i", episode.toString(), "-af", before + ",loudnorm=print_format=json:" + target, "-f",
				"null", "-");
		StringBuilder measured = new StringBuilder();
		Matcher m = JSON_FIELD.matcher(log.substring(log.lastIndexOf('{')));
		while (m.find()) {
			switch (m.group(1)) {
				case "input_i" -> measured.append(":measured_I=").append(m.group(2));
				case "input_tp" -> measured.append(":measured_TP=").append(m.group(2));
				case "input_lra" -> measured.append(":measured_LRA=").append(m.group(2));
				case "input_thresh" -> measured.append(":measured_thresh=").append(m.group(2));
				case "target_offset" -> measured.append(":offset=").append(m.group(2));
				default -> {
				}
			}
		}
		// loudnorm leaves its output at 192 kHz and its layout unset
		List<String> args = new ArrayList<>(List.of("-i", episode.toString(), "-af", before + ",loudnorm=" + target
				+ measured + ":linear=true", "-ar", String.valueOf(site.fileSampleRate()), "-ac",
				String.valueOf(site.channels())));
		args.addAll(FilterGraph.encoding(site, file));
		ffmpeg(args.toArray(String[]::new));
	}

	/** Waveplan's filters in one command, with a fixed gain where Waveplan measures. */
	private static void floor(Path episode, Path dir) {
		StringBuilder graph = new StringBuilder("[0:a:0]volume=-8dB," + AudioFixtures.GRAPHS.cut(LENGTH) + ",asplit="
				+ SITES.size());
		for (int i = 0; i < SITES.size(); i++) {
			graph.append("[b").append(i).append(']');
		}
		List<String> args = new ArrayList<>(List.of("-i", episode.toString()));
		for (int i = 0; i < SITES.size(); i++) {
			OutputSpec site = SITES.get(i);
			graph.append(";[b").append(i).append(']').append(AudioFixtures.GRAPHS.chain(site)).append(',')
				.append(AudioFixtures.GRAPHS.finish(site, new FilterGraph.Levels(0, AudioFixtures.GRAPHS.limit(site)), LENGTH)).append("[o").append(i).append(']');
		}
		args.addAll(List.of("-filter_complex", graph.toString()));
		for (int i = 0; i < SITES.size(); i++) {
			OutputSpec site = SITES.get(i);
			args.addAll(List.of("-map", "[o" + i + "]"));
			args.addAll(FilterGraph.encoding(site, dir.resolve("floor-" + site.name() + "." + site.codec().extension())));
		}
		ffmpeg(args.toArray(String[]::new));
	}

}
