package org.waveplan.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.waveplan.shared.AtomicFiles;
import org.waveplan.shared.Sha256;

/**
 * Renders an airing for its sites: every output exactly the airing's length, at its loudness target under its
 * true-peak ceiling, band-limited and compressed for AM where its preset says so.
 * <p>
 * Band-limiting, downmixing and compression change loudness by an amount that depends on the content (a 1 kHz
 * tone loses nothing to a 4.5 kHz low-pass, white noise 7 LU), so the linear gain that hits the target can only
 * be known once the processed audio has been measured. Hence:
 * <ol>
 * <li>a measuring run decodes the source, brings it near the target with the ingest loudness, cuts it to the
 * airing, and splits it among its outputs; each is resampled, downmixed, filtered and compressed, and measured
 * (ebur128); when its preset filters, it is kept as float PCM in the work directory (without filters, decoding
 * the source again costs less than writing and reading the PCM). There are as many measuring runs as cores, the
 * outputs dealt out among them;</li>
 * <li>per output, an encoding run gives it its exact correction gain (linear and after the compressor, so the
 * loudness moves by exactly that much), the peak limiter, its length, and its encoder;</li>
 * <li>the file is decoded and checked (length, loudness, true peak) and hashed.</li>
 * </ol>
 * The runs of all outputs share the cores, one FFmpeg process each: one output's encoding overlaps another's
 * measuring or check. An output's samples do not depend on what is measured or rendered with it (a split copies
 * them), so its bytes are the same alone. A
 * silent or nearly silent episode is not raised past {@link ProcessingProperties#maxGainDb()} and fails that
 * check: better no file than dead air.
 */
@Component
public class AudioRenderer {

	/** Tolerated difference of a decoded file's length to the airing's (AAC pads its last frame: 23 ms). */
	static final Duration LENGTH_TOLERANCE = Duration.ofMillis(50);

	/** Tolerated difference of a file's integrated loudness to its target. */
	static final double LOUDNESS_TOLERANCE_LU = 1.0;

	/** The level that the measuring run brings the source (and ident) to, before each output's own gain. */
	private static final double REFERENCE_LUFS = OutputSpec.DEFAULT_TARGET_LUFS;

	private static final Pattern OUT_TIME = Pattern.compile("^out_time_us=(\\d+)$");

	private static final Pattern PROGRESS_LINE = Pattern.compile("^\\w+=\\S*$");

	/** Shares of an output's progress done when its measuring run, and its encoding run, end. */
	private static final double MEASURED = 0.3;

	private static final double ENCODED = 0.85;

	private final Ffmpeg ffmpeg;

	private final LoudnessMeter meter;

	private final AudioProperties audio;

	private final ProcessingProperties processing;

	public AudioRenderer(Ffmpeg ffmpeg, LoudnessMeter meter, AudioProperties audio, ProcessingProperties processing) {
		this.ffmpeg = ffmpeg;
		this.meter = meter;
		this.audio = audio;
		this.processing = processing;
	}

	public List<RenderedFile> render(RenderRequest request, Path workDir) {
		return render(request, workDir, progress -> {
		});
	}

	/**
	 * Renders every output into a new file in {@code workDir}; the caller moves or deletes them.
	 * @param progress told the share done as it grows, from 0 to 1, one call at a time (from FFmpeg's log readers)
	 * @throws RenderException if the source cannot be decoded or an output fails its check; no file is left
	 */
	public List<RenderedFile> render(RenderRequest request, Path workDir, DoubleConsumer progress) {
		List<RenderOutcome> outcomes = renderEach(request, workDir, progress);
		Optional<RenderException> failure = outcomes.stream()
			.map(RenderOutcome::failure)
			.filter(Objects::nonNull)
			.findFirst();
		if (failure.isPresent()) {
			outcomes.stream().filter(RenderOutcome::rendered).forEach(outcome -> AtomicFiles.discard(outcome.file().file()));
			throw failure.get();
		}
		return outcomes.stream().map(RenderOutcome::file).toList();
	}

	/**
	 * Renders every output into a new file in {@code workDir}, each on its own: one that fails (its check, its
	 * encoder) leaves the others theirs. The caller moves or deletes the files; a failed output leaves none.
	 * @param progress told the share done as it grows, from 0 to 1, one call at a time (from FFmpeg's log readers)
	 * @return an outcome per output, in the request's order; a source that cannot be decoded fails them all alike
	 * @throws RenderException if the work directory cannot be written, or the ident cannot be used
	 */
	public List<RenderOutcome> renderEach(RenderRequest request, Path workDir, DoubleConsumer progress) {
		List<Branch> branches = new ArrayList<>();
		List<RenderOutcome> outcomes = List.of();
		ExecutorService pool = Executors.newFixedThreadPool(ffmpeg.maxProcesses());
		try {
			for (OutputSpec spec : request.outputs()) {
				branches.add(new Branch(spec, filters(spec) ? createTempFile(workDir, spec, ".f32") : null,
						createTempFile(workDir, spec, "." + spec.codec().extension())));
			}
			Progress shares = new Progress(progress, branches.size());
			double sourceGain = Math.min(processing.maxGainDb(),
					REFERENCE_LUFS - request.sourceLoudness().integratedLufs());
			outcomes = outcomes(branches, start(request, sourceGain, branches, shares, pool), workDir);
			return outcomes;
		}
		catch (IOException ex) {
			throw cannotWrite(workDir, ex);
		}
		catch (FfmpegException ex) {
			throw new RenderException(ex.reason(), true, ex);
		}
		finally {
			pool.shutdownNow();
			for (int i = 0; i < branches.size(); i++) {
				AtomicFiles.discard(branches.get(i).pcm());
				if (i >= outcomes.size() || !outcomes.get(i).rendered()) {
					AtomicFiles.discard(branches.get(i).file());
				}
			}
		}
	}

	/** Queues the measuring runs on the pool, each output's encoding and check to follow its measurement. */
	private List<CompletableFuture<RenderedFile>> start(RenderRequest request, double sourceGain,
			List<Branch> branches, Progress shares, Executor pool) {
		Source source = source(request, sourceGain);
		List<CompletableFuture<RenderedFile>> files = new ArrayList<>(Collections.nCopies(branches.size(), null));
		for (List<Integer> run : measuringRuns(branches.size(), ffmpeg.maxProcesses())) {
			List<Branch> measuredTogether = run.stream().map(branches::get).toList();
			CompletableFuture<List<Double>> measured = CompletableFuture.supplyAsync(() -> measure(request, source,
					measuredTogether, fraction -> run.forEach(i -> shares.branch(i, MEASURED * fraction))), pool);
			for (int j = 0; j < run.size(); j++) {
				int index = run.get(j);
				int inRun = j;
				files.set(index, encodeAndVerify(request, source, sourceGain, branches.get(index),
						measured.thenApply(loudness -> loudness.get(inRun)), fraction -> shares.branch(index, fraction),
						pool));
			}
		}
		return files;
	}

	/**
	 * The outputs of each measuring run: as many runs as FFmpeg processes may run at once (at most one an output),
	 * the outputs dealt out among them. A run decodes the source once for all its outputs, and the runs keep every
	 * core busy from the start.
	 */
	private static List<List<Integer>> measuringRuns(int outputs, int processes) {
		List<List<Integer>> runs = new ArrayList<>();
		for (int i = 0; i < outputs; i++) {
			if (i < processes) {
				runs.add(new ArrayList<>());
			}
			runs.get(i % processes).add(i);
		}
		return runs;
	}

	/**
	 * An output's encoding and check, each queued on the pool as what it needs is done. The pool has a thread for
	 * each FFmpeg process that may run at once (FFmpeg 4.4 filters and encodes on one thread, so one a core) and
	 * takes the runs of all outputs in the order they come: a core that one run leaves goes to the next.
	 */
	private CompletableFuture<RenderedFile> encodeAndVerify(RenderRequest request, Source source, double sourceGain,
			Branch branch, CompletableFuture<Double> measured, DoubleConsumer progress, Executor pool) {
		return measured.thenAcceptAsync(loudness -> {
			// all gain together stays under the cap, so near-silence stays quiet and fails the check
			double gain = Math.min(branch.spec().targetLufs() - loudness, processing.maxGainDb() - sourceGain);
			encode(request, source, branch, gain,
					fraction -> progress.accept(MEASURED + (ENCODED - MEASURED) * fraction));
			delete(branch.pcm());
		}, pool).thenApplyAsync(encoded -> {
			RenderedFile rendered = verify(request, branch);
			progress.accept(1);
			return rendered;
		}, pool);
	}

	/** Waits for every output, so that none is still being written; then how each ended. */
	private static List<RenderOutcome> outcomes(List<Branch> branches, List<CompletableFuture<RenderedFile>> files,
			Path workDir) {
		CompletableFuture.allOf(files.toArray(CompletableFuture[]::new)).handle((all, failure) -> null).join();
		List<RenderOutcome> outcomes = new ArrayList<>();
		for (int i = 0; i < files.size(); i++) {
			OutputSpec spec = branches.get(i).spec();
			try {
				outcomes.add(new RenderOutcome(spec, files.get(i).join(), null));
			}
			catch (CompletionException ex) {
				outcomes.add(new RenderOutcome(spec, null, failure(ex, workDir)));
			}
		}
		return outcomes;
	}

	private static RenderException failure(CompletionException ex, Path workDir) {
		Throwable cause = ex.getCause();
		if (cause instanceof RenderException failure) {
			return failure;
		}
		if (cause instanceof UncheckedIOException io) {
			return cannotWrite(workDir, io.getCause());
		}
		if (cause instanceof FfmpegException failure) {
			return new RenderException(failure.reason(), true, failure);
		}
		// a defect rather than the audio: the whole render fails, and is retried
		throw cause instanceof RuntimeException defect ? defect : ex;
	}

	private static RenderException cannotWrite(Path workDir, IOException ex) {
		return RenderException.cannotWrite(workDir, ex);
	}

	/** Averages the progress of the outputs, which run at once; passes on only growth. */
	private static final class Progress {

		private final DoubleConsumer consumer;

		private final double[] branches;

		private double reported = -1;

		Progress(DoubleConsumer consumer, int branches) {
			this.consumer = consumer;
			this.branches = new double[branches];
			report(0);
		}

		synchronized void branch(int index, double fraction) {
			branches[index] = fraction;
			report(Arrays.stream(branches).sum() / branches.length);
		}

		private void report(double share) {
			if (share > reported) {
				reported = share;
				consumer.accept(share);
			}
		}

	}

	/** One output on its way: the processed PCM if its preset filters ({@code null} if not), and its file. */
	private record Branch(OutputSpec spec, Path pcm, Path file) {
	}

	/**
	 * The inputs of a run that starts from the source, and the start of its filter graph: the ident and episode
	 * at the reference level, cut to the airing.
	 */
	/** @param needed how much of the episode the airing takes: the decode must find that much */
	private record Source(List<String> inputs, String graph, Duration needed) {
	}

	/**
	 * Whether the preset filters (low-pass, compressor): those filters cost more than writing and reading back
	 * float PCM, a resample and downmix alone less.
	 */
	private boolean filters(OutputSpec spec) {
		return processing.lowPassHz(spec.preset()) > 0;
	}

	private Source source(RenderRequest request, double sourceGain) {
		List<String> inputs = new ArrayList<>(List.of("-i", input(request.source())));
		// the episode keeps its rate and channels up to the branch's chain, so every output comes out the same
		// whichever others are rendered with it; concat converts the ident to the episode's format
		StringBuilder graph = new StringBuilder();
		Duration needed = request.length();
		if (request.ident() != null) {
			AudioAnalysis ident = ident(request.ident());
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
	 * A measuring run: decode once, then process and measure each output, keeping its PCM if its preset filters;
	 * returns their integrated loudness.
	 */
	private List<Double> measure(RenderRequest request, Source source, List<Branch> branches,
			DoubleConsumer progress) {
		List<String> args = new ArrayList<>(List.of("-loglevel", "level+verbose", "-nostats", "-progress", "pipe:2"));
		args.addAll(source.inputs());
		StringBuilder graph = new StringBuilder(source.graph()).append(",asplit=").append(branches.size());
		for (int i = 0; i < branches.size(); i++) {
			graph.append("[b").append(i).append(']');
		}
		for (int i = 0; i < branches.size(); i++) {
			// the measurement resamples to 48 kHz: on its own branch, that does not reach the one written
			graph.append(";[b").append(i).append(']').append(chain(branches.get(i).spec()))
				.append(",asplit[w").append(i).append("][m").append(i).append("];[m").append(i).append(']')
				.append(LoudnessMeter.loudnessFilter("m" + i)).append(",anullsink");
		}
		args.addAll(List.of("-filter_complex", graph.toString()));
		for (int i = 0; i < branches.size(); i++) {
			Path pcm = branches.get(i).pcm();
			args.addAll(List.of("-map", "[w" + i + "]", "-c:a", "pcm_f32le"));
			args.addAll(pcm != null ? List.of("-f", "f32le", "-y", input(pcm)) : List.of("-f", "null", "-"));
		}
		Ffmpeg.Result result = ffmpeg.run(args, audio.ffmpegTimeout(), outTime(request.length(), progress));
		// a full disk fails the decode as well: not the episode's fault
		IoFaults.inLog(result, branches.get(0).file().getParent()).ifPresent(fault -> {
			throw fault;
		});
		try {
			DecodeReport.of(result)
				.endedEarly(source.needed())
				.verdict(request.source(), input(request.source()), AudioProbe.looksLikeAudio(request.source()));
		}
		catch (UndecodableAudioException ex) {
			throw new RenderException("the episode cannot be rendered: " + ex.getMessage(), false, ex);
		}
		List<Double> measured = new ArrayList<>();
		for (int i = 0; i < branches.size(); i++) {
			measured.add(LoudnessMeter.integrated(result.log(), "m" + i));
		}
		return measured;
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

	/** The encoding run: the output's correction gain, the limiter, its length, its encoder. */
	private void encode(RenderRequest request, Source source, Branch branch, double gain, DoubleConsumer progress) {
		OutputSpec spec = branch.spec();
		List<String> args = new ArrayList<>(List.of("-loglevel", "level+error", "-nostats", "-progress", "pipe:2"));
		String graph;
		if (branch.pcm() != null) {
			args.addAll(List.of("-f", "f32le", "-ar", String.valueOf(spec.fileSampleRate()), "-ac",
					String.valueOf(spec.channels()), "-i", input(branch.pcm())));
			graph = "[0:a:0]";
		}
		else {
			// the same source and chain as the measuring run: the same samples, so the gain is as exact
			args.addAll(source.inputs());
			graph = source.graph() + "," + chain(spec) + ",";
		}
		args.addAll(List.of("-filter_complex", graph + finish(spec, gain, request.length()) + "[out]", "-map",
				"[out]"));
		args.addAll(encoding(spec, branch.file()));
		Ffmpeg.Result result = ffmpeg.run(args, audio.ffmpegTimeout(), outTime(request.length(), progress));
		if (result.exitCode() != 0) {
			throw IoFaults.inLog(result, branch.file().getParent())
				.orElseGet(() -> new RenderException(spec.name() + ": FFmpeg could not encode it: " + errors(result)));
		}
	}

	/** The encoding run's filters: the output's gain, the peak limiter and the exact length. */
	String finish(OutputSpec spec, double gainDb, Duration length) {
		long samples = length.toNanos() * spec.fileSampleRate() / 1_000_000_000L;
		// level=0: alimiter would otherwise raise its output towards the limit (1 dB and more)
		return volume(gainDb) + format(",alimiter=limit=%.6f:attack=%s:release=%s:level=0,",
				linear(spec.truePeakCeilingDbtp() - processing.limiterMarginDb()), processing.limiterAttackMs(),
				processing.limiterReleaseMs()) + "apad=whole_len=" + samples + ",atrim=end_sample=" + samples;
	}

	/** FFmpeg's output options and output of an encoded file. */
	static List<String> encoding(OutputSpec spec, Path file) {
		List<String> args = new ArrayList<>(spec.codec().encoderArgs(spec.bitrateKbps()));
		// no random Ogg serials or version tags: the same render gives the same bytes
		args.addAll(List.of("-fflags", "+bitexact", "-flags:a", "+bitexact", "-y", input(file)));
		return args;
	}

	/** Decodes the file as a site would and checks it against its spec. */
	private RenderedFile verify(RenderRequest request, Branch branch) {
		OutputSpec spec = branch.spec();
		AudioAnalysis analysis = analyze(branch);
		Duration duration = analysis.info().duration();
		Loudness loudness = analysis.loudness();
		if (duration.minus(request.length()).abs().compareTo(LENGTH_TOLERANCE) > 0) {
			throw new RenderException(format("%s: the file lasts %.3f s, not the airing's %.3f s", spec.name(),
					duration.toNanos() / 1e9, request.length().toNanos() / 1e9));
		}
		if (loudness.silent()) {
			throw new RenderException(spec.name() + ": the rendered file is silent; the episode is silent or nearly"
					+ " (it is not raised by more than " + processing.maxGainDb() + " dB)");
		}
		if (Math.abs(loudness.integratedLufs() - spec.targetLufs()) > LOUDNESS_TOLERANCE_LU) {
			throw new RenderException(format("%s: the file's loudness is %.1f LUFS, not %.1f LUFS%s", spec.name(),
					loudness.integratedLufs(), spec.targetLufs(),
					loudness.integratedLufs() < spec.targetLufs()
							? " (held down by the peak limiter, or by the gain cap of " + processing.maxGainDb() + " dB)"
							: ""));
		}
		if (loudness.truePeakDbtp() > spec.truePeakCeilingDbtp()) {
			throw new RenderException(format("%s: the file's true peak is %.1f dBTP, above its ceiling of %.1f dBTP",
					spec.name(), loudness.truePeakDbtp(), spec.truePeakCeilingDbtp()));
		}
		return new RenderedFile(spec, branch.file(), duration, loudness, sha256(branch.file()));
	}

	private AudioAnalysis analyze(Branch branch) {
		try {
			return meter.analyze(branch.file());
		}
		catch (UndecodableAudioException ex) {
			throw new RenderException(branch.spec().name() + ": the rendered file does not decode: " + ex.reason(),
					false, ex);
		}
	}

	private AudioAnalysis ident(Path ident) {
		try {
			AudioAnalysis analysis = meter.analyze(ident);
			if (analysis.loudness().silent()) {
				throw new RenderException("the station ident " + ident.getFileName() + " is silent");
			}
			return analysis;
		}
		catch (UndecodableAudioException ex) {
			throw new RenderException("the station ident cannot be used: " + ex.getMessage(), false, ex);
		}
	}

	/** What FFmpeg logged of its run, without its progress lines ({@code key=value}), on one line. */
	private static String errors(Ffmpeg.Result result) {
		return String.join("; ", result.log().lines().map(String::strip).filter(line -> !line.isEmpty())
			.filter(line -> !PROGRESS_LINE.matcher(line).matches()).toList());
	}

	/** Passes on FFmpeg's progress as the share of the airing's length done. */
	private static Consumer<String> outTime(Duration length, DoubleConsumer fraction) {
		double micros = length.toNanos() / 1e3;
		return line -> {
			Matcher m = OUT_TIME.matcher(line);
			if (m.matches()) {
				fraction.accept(Math.min(1, Long.parseLong(m.group(1)) / micros));
			}
		};
	}

	private static Path createTempFile(Path workDir, OutputSpec spec, String suffix) throws IOException {
		return Files.createTempFile(workDir, "render-" + spec.name() + "-", suffix);
	}

	private static String sha256(Path file) {
		try {
			return Sha256.of(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Deletes the file if there is one. */
	private static void delete(Path file) {
		if (file == null) {
			return;
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
