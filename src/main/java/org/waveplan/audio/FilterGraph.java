package org.waveplan.audio;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The FFmpeg arguments of a render's runs, as text: the source cut to the airing, each output's processing
 * (rate, channels, band limits, compressor), its gain, limiter and exact length, and its encoder. Running them is
 * {@link AudioRenderer}'s.
 */
final class FilterGraph {

	/** The level that the measuring run brings the source (and ident) to, before each output's own gain. */
	static final double REFERENCE_LUFS = OutputSpec.DEFAULT_TARGET_LUFS;

	private final ProcessingProperties processing;

	FilterGraph(ProcessingProperties processing) {
		this.processing = processing;
	}

	/** @param needed how much of the episode the airing takes: the decode must find that much */
	record Source(List<String> inputs, String graph, Duration needed) {
	}

	/**
	 * Whether the preset filters (low-pass, compressor): those filters cost more than writing and reading back
	 * float PCM, a resample and downmix alone less.
	 */
	boolean filters(OutputSpec spec) {
		return processing.lowPassHz(spec.preset()) > 0;
	}

	/**
	 * The inputs of a run that starts from the source, and the start of its graph: the ident (with its analysis,
	 * or {@code null}) and the episode at the reference level, cut to the airing.
	 */
	Source source(RenderRequest request, double sourceGain, AudioAnalysis ident) {
		List<String> inputs = new ArrayList<>(List.of("-i", input(request.source())));
		// the episode keeps its rate and channels up to the branch's chain, so every output comes out the same
		// whichever others are rendered with it; concat converts the ident to the episode's format
		StringBuilder graph = new StringBuilder();
		Duration needed = request.length();
		if (ident != null) {
			needed = needed.minus(ident.info().duration());
			inputs.addAll(List.of("-i", input(request.ident())));
			graph.append("[1:a:0]")
				.append(volume(Math.min(processing.maxGainDb(),
						REFERENCE_LUFS - ident.loudness().integratedLufs())))
				.append("[ident];[0:a:0]")
				.append(volume(sourceGain))
				.append("[episode];[ident][episode]concat=n=2:v=0:a=1");
		}
		else {
			graph.append("[0:a:0]").append(volume(sourceGain));
		}
		// cut to the airing before anything is measured: what is cut off must not count towards the loudness
		graph.append(',').append(cut(request.length()));
		return new Source(List.copyOf(inputs), graph.toString(),
				needed.compareTo(request.sourceDuration()) < 0 ? needed : request.sourceDuration());
	}

	/**
	 * The measuring run of the outputs: decode once, then process and measure each output (its loudness is
	 * logged as {@code m0}, {@code m1}, ...), writing its processed PCM where there is a file for it ({@code null}:
	 * none).
	 */
	List<String> measuring(Source source, List<OutputSpec> specs, List<Path> pcms) {
		List<String> args = new ArrayList<>(List.of("-loglevel", "level+verbose", "-nostats", "-progress", "pipe:2"));
		args.addAll(source.inputs());
		StringBuilder graph = new StringBuilder(source.graph()).append(",asplit=").append(specs.size());
		for (int i = 0; i < specs.size(); i++) {
			graph.append("[b").append(i).append(']');
		}
		for (int i = 0; i < specs.size(); i++) {
			// the measurement resamples to 48 kHz: on its own branch, that does not reach the one written
			graph.append(";[b").append(i).append(']').append(chain(specs.get(i)))
				.append(",asplit[w").append(i).append("][m").append(i).append("];[m").append(i).append(']')
				.append(LoudnessMeter.loudnessFilter("m" + i)).append(",anullsink");
		}
		args.addAll(List.of("-filter_complex", graph.toString()));
		for (int i = 0; i < specs.size(); i++) {
			Path pcm = pcms.get(i);
			args.addAll(List.of("-map", "[w" + i + "]", "-c:a", "pcm_f32le"));
			args.addAll(pcm != null ? List.of("-f", "f32le", "-y", input(pcm)) : List.of("-f", "null", "-"));
		}
		return args;
	}

	/**
	 * The encoding run of an output: from its processed PCM if it has one ({@code null} if not), else from the
	 * source again; then its correction gain, the limiter at its level, its length, its encoder.
	 */
	List<String> encoding(Source source, OutputSpec spec, Path pcm, Levels levels, Duration length, Path file) {
		List<String> args = new ArrayList<>(List.of("-loglevel", "level+error", "-nostats", "-progress", "pipe:2"));
		String graph;
		if (pcm != null) {
			args.addAll(List.of("-f", "f32le", "-ar", String.valueOf(spec.fileSampleRate()), "-ac",
					String.valueOf(spec.channels()), "-i", input(pcm)));
			graph = "[0:a:0]";
		}
		else {
			// the same source and chain as the measuring run: the same samples, so the gain is as exact
			args.addAll(source.inputs());
			graph = source.graph() + "," + chain(spec) + ",";
		}
		args.addAll(List.of("-filter_complex", graph + finish(spec, levels, length) + "[out]", "-map", "[out]"));
		args.addAll(encoding(spec, file));
		return args;
	}

	/** The episode cut to the airing's length, fading out if it is longer. */
	String cut(Duration length) {
		double seconds = length.toNanos() / 1e9;
		double fade = Math.min(seconds, processing.fadeOut().toNanos() / 1e9);
		return format("atrim=duration=%.6f,afade=t=out:st=%.6f:d=%.6f", seconds, seconds - fade, fade);
	}

	/** An output's processing: its rate and channels, its level, the preset's filters. */
	String chain(OutputSpec spec) {
		List<String> filters = new ArrayList<>();
		filters.add("aresample=" + spec.fileSampleRate());
		filters.add("aformat=sample_fmts=flt:channel_layouts=" + layout(spec.channels()));
		if (spec.targetLufs() != REFERENCE_LUFS) {
			filters.add(volume(spec.targetLufs() - REFERENCE_LUFS));
		}
		double lowPass = processing.lowPassHz(spec.preset());
		if (lowPass > 0) {
			filters.add(format("highpass=f=%.1f", processing.highPassHz()));
			filters.add(lowPass(spec.preset()));
			filters.add(format("acompressor=threshold=%.6f:ratio=%s:attack=%s:release=%s",
					linear(spec.targetLufs() + processing.compressorAboveTargetDb()), processing.compressorRatio(),
					processing.compressorAttackMs(), processing.compressorReleaseMs()));
		}
		return String.join(",", filters);
	}

	/** The preset's steep low-pass: FFmpeg's 2-pole lowpass at 4.5 kHz would leave 6 kHz only 6 dB down. */
	String lowPass(Preset preset) {
		double cutoff = processing.lowPassHz(preset);
		// the FIR smooths the gain table: ending the flat part 5 Hz early puts -3 dB at the cutoff (measured)
		return format("firequalizer=gain_entry='entry(0,0);entry(%.1f,0);entry(%.1f,-90);entry(1e6,-90)'"
				+ ":delay=%s:wfunc=nuttall", cutoff - 5, cutoff - 5 + processing.lowPassTransitionHz(),
				processing.lowPassFirSeconds());
	}

	/**
	 * Where the sample-peak limiter first holds an output: its margin below the true-peak ceiling, room for the peaks
	 * between samples and for what a lossy encoder adds.
	 */
	double limit(OutputSpec spec) {
		return spec.truePeakCeilingDbtp() - processing.limiterMarginDb();
	}

	/**
	 * The encoding run's filters: the output's gain, the peak limiter at its level, the dips, and the exact length.
	 * The dips come after the limiter, which would otherwise make up what they take at the spots it holds.
	 */
	String finish(OutputSpec spec, Levels levels, Duration length) {
		long samples = length.toNanos() * spec.fileSampleRate() / 1_000_000_000L;
		// level=0: alimiter would otherwise raise its output towards the limit (1 dB and more)
		StringBuilder graph = new StringBuilder(volume(levels.gainDb()))
			.append(format(",alimiter=limit=%.6f:attack=%s:release=%s:level=0,", linear(levels.limitDbfs()),
					processing.limiterAttackMs(), processing.limiterReleaseMs()));
		if (!levels.dips().isEmpty()) {
			// the gain is worked out a frame at a time: frames of 10 ms, timed from the output's first sample
			graph.append("asetpts=N/SR/TB,asetnsamples=n=").append(spec.fileSampleRate() / 100).append(":p=0,")
				.append("volume=volume='").append(dips(levels.dips())).append("':eval=frame,");
		}
		return graph.append("apad=whole_len=").append(samples).append(",atrim=end_sample=").append(samples).toString();
	}

	/** An encoding's correction gain, the level where its sample-peak limiter holds, and its dips. */
	record Levels(double gainDb, double limitDbfs, List<Dip> dips) {

		Levels(double gainDb, double limitDbfs) {
			this(gainDb, limitDbfs, List.of());
		}

		/** The same sound, quieter: what the limiter held, it holds as before. */
		Levels lowered(double db) {
			return new Levels(gainDb - db, limitDbfs - db, dips);
		}

		Levels limitLowered(double db) {
			return new Levels(gainDb, limitDbfs - db, dips);
		}

		Levels raised(double db, double maxGainDb) {
			return new Levels(Math.min(gainDb + db, maxGainDb), limitDbfs, dips);
		}

		/** These levels with more dips: where they overlap those before, they add up. */
		Levels dipped(List<Dip> more) {
			List<Dip> all = new ArrayList<>(dips);
			all.addAll(more);
			return new Levels(gainDb, limitDbfs, List.copyOf(all));
		}

	}

	/** A stretch of an output lowered by {@code db}, from and to seconds from its start, ramped in and out. */
	record Dip(double fromSeconds, double toSeconds, double db) {
	}

	/** How long a dip takes to go down and to come up again, outside its stretch: no click. */
	static final double DIP_RAMP_SECONDS = 0.02;

	/** The gain of the dips at the time {@code t}: each a trapezoid, multiplied where they overlap. */
	private static String dips(List<Dip> dips) {
		List<String> factors = new ArrayList<>();
		for (Dip dip : dips) {
			double r = DIP_RAMP_SECONDS;
			factors.add(format("(1-%.6f*clip(min((t-%.6f)/%s,(%.6f-t)/%s),0,1))", 1 - linear(-dip.db()),
					dip.fromSeconds() - r, r, dip.toSeconds() + r, r));
		}
		return String.join("*", factors);
	}

	/** FFmpeg's output options and output of an encoded file. */
	static List<String> encoding(OutputSpec spec, Path file) {
		List<String> args = new ArrayList<>(spec.codec().encoderArgs(spec.bitrateKbps()));
		// no random Ogg serials or version tags: the same render gives the same bytes
		args.addAll(List.of("-fflags", "+bitexact", "-flags:a", "+bitexact"));
		if (spec.metadata() == Metadata.NONE) {
			// nothing of the source's tags and chapters; what the muxers still write, Untagged removes
			args.addAll(List.of("-flags", "+bitexact", "-map_metadata", "-1", "-map_chapters", "-1"));
			args.addAll(spec.codec().untaggedArgs());
		}
		args.addAll(List.of("-y", input(file)));
		return args;
	}

	static String volume(double db) {
		return format("volume=%.3fdB", db);
	}

	private static String layout(int channels) {
		return channels == 1 ? "mono" : "stereo";
	}

	private static double linear(double db) {
		return Math.pow(10, db / 20);
	}

	/** The file protocol, so that no name is taken for an option or another protocol. */
	static String input(Path file) {
		return "file:" + file.toAbsolutePath();
	}

	private static String format(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

}
