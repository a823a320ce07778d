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
import java.util.Map;
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
import org.waveplan.audio.FilterGraph.Dip;
import org.waveplan.audio.FilterGraph.Levels;
import org.waveplan.audio.FilterGraph.Source;
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

	private static final Pattern OUT_TIME = Pattern.compile("^out_time_us=(\\d+)$");

	private static final Pattern PROGRESS_LINE = Pattern.compile("^\\w+=\\S*$");

	/** Shares of an output's progress done when its measuring run, and its encoding run, end. */
	private static final double MEASURED = 0.3;

	private static final double ENCODED = 0.85;

	/** Encodings again, at most, of an output over its true-peak ceiling or held down by the peak limiter. */
	private static final int CORRECTIONS = 3;

	/** How much further than its overshoot a file's peaks are lowered when it is encoded again. */
	private static final double PEAK_STEP_DB = 0.5;

	/**
	 * The most dips a file gets (each about 100 characters of FFmpeg's arguments); one with more spots is all over
	 * its ceiling, and its limiter is lowered instead.
	 */
	private static final int MAX_DIPS = 200;

	/** How far a decoded file may lag what was encoded: LAME's 1105 samples at 12 kHz, when no header says so. */
	private static final double CODEC_DELAY_SECONDS = 0.1;

	private final Ffmpeg ffmpeg;

	private final LoudnessMeter meter;

	private final AudioProperties audio;

	private final ProcessingProperties processing;

	private final FilterGraph graphs;

	public AudioRenderer(Ffmpeg ffmpeg, LoudnessMeter meter, AudioProperties audio, ProcessingProperties processing) {
		this.ffmpeg = ffmpeg;
		this.meter = meter;
		this.audio = audio;
		this.processing = processing;
		this.graphs = new FilterGraph(processing);
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
				branches.add(new Branch(spec, graphs.filters(spec) ? createTempFile(workDir, spec, ".f32") : null,
						createTempFile(workDir, spec, "." + spec.codec().extension())));
			}
			Progress shares = new Progress(progress, branches.size());
			double sourceGain = Math.min(processing.maxGainDb(),
					FilterGraph.REFERENCE_LUFS - request.sourceLoudness().integratedLufs());
			outcomes = outcomes(branches, start(request, sourceGain, branches, shares, pool), workDir);
			return outcomes;
		}
		catch (IOException ex) {
			throw RenderException.cannotWrite(workDir, ex);
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
		Source source = graphs.source(request, sourceGain, request.ident() == null ? null : ident(request.ident()));
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
		// all gain together stays under the cap, so near-silence stays quiet and fails the check
		double maxGain = processing.maxGainDb() - sourceGain;
		return measured.thenApplyAsync(loudness -> {
			Levels levels = new Levels(Math.min(branch.spec().targetLufs() - loudness, maxGain),
					graphs.limit(branch.spec()));
			encode(request, source, branch, levels,
					fraction -> progress.accept(MEASURED + (ENCODED - MEASURED) * fraction));
			delete(branch.pcm());
			return levels;
		}, pool).thenApplyAsync(levels -> {
			RenderedFile rendered = verify(request, branch, corrected(request, source, branch, levels, maxGain));
			progress.accept(1);
			return rendered;
		}, pool);
	}

	/**
	 * The file's analysis; when the decoded file came out over its true-peak ceiling, or, for an output without band
	 * limits or compression ({@link Preset#NONE}), the peak limiter held it down by more than the tolerance, after the
	 * file has been encoded again at most {@link #CORRECTIONS} times.
	 * <p>
	 * A lossy encoder at a low rate adds peaks of its own, which only the decoded file shows: an hour of the looped
	 * bulletin as an MP3 at 48 kb/s has 6 to 10 single blocks of 100 ms over the ceiling, up to 1.6 dB over, with
	 * the limiter 1.5 dB under it. Lowering the limiter for the whole file costs speech loudness and moves the
	 * encoder's peaks elsewhere rather than away (the benchmark's fifth hour stayed over with the limiter 5 dB under
	 * its ceiling). So only the spots are lowered, each by its overshoot and a step: the rest of the file is encoded
	 * as before and its peaks stay where they were. Each of 17 hours of the benchmark tried by hand was under
	 * after one such correction, its loudness unchanged; the 20-hour bundle builds. A file with more spots than
	 * {@link #MAX_DIPS} has its limiter lowered instead; one still over at the last correction is lowered whole,
	 * gain and limiter alike, at the cost of as much loudness, which nothing makes up again (it would raise the peaks
	 * back); the loudness check says whether that was too much.
	 * <p>
	 * A shortfall of loudness is made up with more gain: at -16 LUFS for players, a voice whose peaks stand 20 dB
	 * above its loudness loses 1.5 LU to the limiter, and each make-up gets most of it back. The AM presets' loudness
	 * is not made up (their peaks may be what is loud: clicks). A file within its ceiling and tolerance is never
	 * encoded again.
	 */
	private AudioAnalysis corrected(RenderRequest request, Source source, Branch branch, Levels levels,
			double maxGain) {
		OutputSpec spec = branch.spec();
		LoudnessMeter.PeakCheck check = check(branch);
		// its processed PCM is gone: encoded again from the source, through the same chain
		Branch again = new Branch(spec, null, branch.file());
		for (int i = 0; i < CORRECTIONS && !check.analysis().loudness().silent(); i++) {
			Loudness loudness = check.analysis().loudness();
			double overshoot = loudness.truePeakDbtp() - spec.truePeakCeilingDbtp();
			double shortfall = spec.targetLufs() - loudness.integratedLufs();
			List<Dip> dips = dips(check.spots(), spec.truePeakCeilingDbtp());
			if (overshoot > 0 && i == CORRECTIONS - 1) {
				levels = levels.lowered(overshoot + PEAK_STEP_DB);
			}
			else if (overshoot > 0 && !dips.isEmpty() && levels.dips().size() + dips.size() <= MAX_DIPS) {
				levels = levels.dipped(dips);
			}
			else if (overshoot > 0) {
				levels = levels.limitLowered(overshoot + PEAK_STEP_DB);
			}
			else if (spec.preset() == Preset.NONE && shortfall > LOUDNESS_TOLERANCE_LU && levels.gainDb() < maxGain) {
				levels = levels.raised(shortfall, maxGain);
			}
			else {
				break;
			}
			encode(request, source, again, levels, fraction -> {
			});
			check = check(branch);
		}
		return check.analysis();
	}

	/**
	 * A dip for each spot over the ceiling, by its overshoot and a step; spots next to each other make one dip.
	 * A dip starts {@link #CODEC_DELAY_SECONDS} before its spot: the decoded file may lag what was encoded.
	 */
	static List<Dip> dips(List<LoudnessMeter.PeakSpot> spots, double ceilingDbtp) {
		List<Dip> dips = new ArrayList<>();
		for (LoudnessMeter.PeakSpot spot : spots) {
			Dip dip = new Dip(Math.max(0, spot.startSeconds() - CODEC_DELAY_SECONDS),
					spot.startSeconds() + LoudnessMeter.SPOT_SECONDS, spot.peakDbtp() - ceilingDbtp + PEAK_STEP_DB);
			Dip last = dips.isEmpty() ? null : dips.get(dips.size() - 1);
			if (last != null && dip.fromSeconds() <= last.toSeconds() + 2 * FilterGraph.DIP_RAMP_SECONDS) {
				dips.set(dips.size() - 1, new Dip(last.fromSeconds(), dip.toSeconds(), Math.max(last.db(), dip.db())));
			}
			else {
				dips.add(dip);
			}
		}
		return dips;
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
			return RenderException.cannotWrite(workDir, io.getCause());
		}
		if (cause instanceof FfmpegException failure) {
			return new RenderException(failure.reason(), true, failure);
		}
		// a defect rather than the audio: the whole render fails, and is retried
		throw cause instanceof RuntimeException defect ? defect : ex;
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
	 * A measuring run: decode once, then process and measure each output, keeping its PCM if its preset filters;
	 * returns their integrated loudness.
	 */
	private List<Double> measure(RenderRequest request, Source source, List<Branch> branches,
			DoubleConsumer progress) {
		List<String> args = graphs.measuring(source, branches.stream().map(Branch::spec).toList(),
				branches.stream().map(Branch::pcm).toList());
		Ffmpeg.Result result = ffmpeg.run(args, audio.ffmpegTimeout(), outTime(request.length(), progress));
		// a full disk fails the decode as well: not the episode's fault
		IoFaults.inLog(result, branches.get(0).file().getParent()).ifPresent(fault -> {
			throw fault;
		});
		try {
			DecodeReport.of(result)
				.endedEarly(source.needed())
				.verdict(request.source(), FilterGraph.input(request.source()), AudioProbe.looksLikeAudio(request.source()));
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

	/** The encoding run: the output's correction gain, the limiter, its length, its encoder. */
	private void encode(RenderRequest request, Source source, Branch branch, Levels levels, DoubleConsumer progress) {
		OutputSpec spec = branch.spec();
		List<String> args = graphs.encoding(source, spec, branch.pcm(), levels, request.length(), branch.file());
		Ffmpeg.Result result = ffmpeg.run(args, audio.ffmpegTimeout(), outTime(request.length(), progress));
		if (result.exitCode() != 0) {
			throw IoFaults.inLog(result, branch.file().getParent())
				.orElseGet(() -> new RenderException(spec.name() + ": FFmpeg could not encode it: " + errors(result)));
		}
		if (spec.metadata() == Metadata.NONE) {
			untag(spec, branch.file());
		}
	}

	/** Removes what the muxer and encoder wrote of themselves; the check then decodes the file as it is left. */
	private static void untag(OutputSpec spec, Path file) {
		try {
			Untagged.strip(spec.codec(), file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (IllegalStateException ex) {
			throw new RenderException(spec.name() + ": its encoder's names cannot be removed, " + ex.getMessage());
		}
	}

	/** Checks the file, as it decoded, against its spec. */
	private RenderedFile verify(RenderRequest request, Branch branch, AudioAnalysis analysis) {
		OutputSpec spec = branch.spec();
		Duration duration = analysis.info().duration();
		Loudness loudness = analysis.loudness();
		Duration over = duration.minus(request.length());
		if (over.compareTo(LENGTH_TOLERANCE.negated()) < 0 || over.compareTo(LENGTH_TOLERANCE.plus(spec.lengthSlack())) > 0) {
			throw new RenderException(String.format(Locale.ROOT, "%s: the file lasts %.3f s, not the airing's %.3f s",
					spec.name(), duration.toNanos() / 1e9, request.length().toNanos() / 1e9));
		}
		if (loudness.silent()) {
			throw new RenderException(spec.name() + ": the rendered file is silent; the episode is silent or nearly"
					+ " (it is not raised by more than " + processing.maxGainDb() + " dB)");
		}
		if (Math.abs(loudness.integratedLufs() - spec.targetLufs()) > LOUDNESS_TOLERANCE_LU) {
			throw new RenderException(String.format(Locale.ROOT, "%s: the file's loudness is %.1f LUFS, not %.1f LUFS%s",
					spec.name(), loudness.integratedLufs(), spec.targetLufs(),
					loudness.integratedLufs() < spec.targetLufs()
							? " (held down by the peak limiter, lowered to keep its true peak under the ceiling, or held"
									+ " by the gain cap of " + processing.maxGainDb() + " dB)"
							: ""));
		}
		if (loudness.truePeakDbtp() > spec.truePeakCeilingDbtp()) {
			throw new RenderException(String.format(Locale.ROOT,
					"%s: the file's true peak is %.1f dBTP, above its ceiling of %.1f dBTP", spec.name(), loudness.truePeakDbtp(), spec.truePeakCeilingDbtp()));
		}
		if (spec.metadata() == Metadata.NONE) {
			Map<String, String> tags = Untagged.tags(ffmpeg, branch.file(), audio.ffmpegTimeout());
			if (!tags.equals(Untagged.structural(spec.codec()))) {
				throw new RenderException(spec.name() + ": the file still carries tags: " + tags);
			}
		}
		return new RenderedFile(spec, branch.file(), duration, loudness, sha256(branch.file()));
	}

	private LoudnessMeter.PeakCheck check(Branch branch) {
		try {
			return meter.check(branch.file(), branch.spec().truePeakCeilingDbtp());
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

}
