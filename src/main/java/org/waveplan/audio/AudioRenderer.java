package org.waveplan.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Renders an airing for its sites: every output exactly the airing's length, at its loudness target under its
 * true-peak ceiling, band-limited and compressed for AM where its preset says so.
 * <p>
 * Band-limiting, downmixing and compression change loudness by an amount that depends on the content (a 1 kHz
 * tone loses nothing to a 4.5 kHz low-pass, white noise 7 LU), so the linear gain that hits the target can only
 * be known once the processed audio has been measured. Hence two FFmpeg runs:
 * <ol>
 * <li>the source is decoded once, brought near the target with the ingest loudness, split per output, resampled,
 * downmixed, filtered and compressed; each branch is measured (ebur128) and written as float PCM to the work
 * directory;</li>
 * <li>each branch gets its exact correction gain (linear, so the loudness moves by exactly that much), the peak
 * limiter, its length, and its encoder.</li>
 * </ol>
 * Then every file is decoded and checked (length, loudness, true peak) and hashed. A silent or nearly silent
 * episode is not raised past {@link ProcessingProperties#maxGainDb()} and fails that check: better no file than
 * dead air.
 */
@Component
public class AudioRenderer {

	/** Tolerated difference of a decoded file's length to the airing's (AAC pads its last frame: 23 ms). */
	static final Duration LENGTH_TOLERANCE = Duration.ofMillis(50);

	/** Tolerated difference of a file's integrated loudness to its target. */
	static final double LOUDNESS_TOLERANCE_LU = 1.0;

	/** The level that the first run brings the source (and ident) to, before each output's own gain. */
	private static final double REFERENCE_LUFS = OutputSpec.DEFAULT_TARGET_LUFS;

	private static final Pattern OUT_TIME = Pattern.compile("^out_time_us=(\\d+)$");

	/** Share of the progress that the first run (decode and process) and the second (encode) take. */
	private static final double FIRST_RUN = 0.6;

	private static final double SECOND_RUN = 0.3;

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
	 * @param progress told the share done, from 0 to 1
	 * @throws RenderException if the source cannot be decoded or an output fails its check; no file is left
	 */
	public List<RenderedFile> render(RenderRequest request, Path workDir, DoubleConsumer progress) {
		List<Path> written = new ArrayList<>();
		List<Branch> branches = new ArrayList<>();
		try {
			for (OutputSpec spec : request.outputs()) {
				Path pcm = createTempFile(workDir, spec, ".f32");
				written.add(pcm);
				branches.add(new Branch(spec, pcm, createTempFile(workDir, spec, "." + spec.codec().extension())));
				written.add(branches.get(branches.size() - 1).file());
			}
			double sourceGain = Math.min(processing.maxGainDb(),
					REFERENCE_LUFS - request.sourceLoudness().integratedLufs());
			List<Double> measured = process(request, sourceGain, branches, progress);
			encode(request, sourceGain, branches, measured, progress);
			for (Branch branch : branches) {
				Files.delete(branch.pcm());
				written.remove(branch.pcm());
			}
			List<RenderedFile> rendered = new ArrayList<>();
			for (Branch branch : branches) {
				rendered.add(verify(request, branch));
				progress.accept(FIRST_RUN + SECOND_RUN + (1 - FIRST_RUN - SECOND_RUN) * rendered.size() / branches.size());
			}
			written.clear();
			return rendered;
		}
		catch (IOException ex) {
			throw new RenderException("cannot write in " + workDir + ": " + ex.getMessage(), ex);
		}
		catch (FfmpegException ex) {
			throw new RenderException(ex.getMessage(), ex);
		}
		finally {
			written.forEach(AudioRenderer::delete);
		}
	}

	/** One output on its way: the processed PCM and the file it is encoded to. */
	private record Branch(OutputSpec spec, Path pcm, Path file) {
	}

	/** The first run: decode once, process each branch, measure it; returns each branch's integrated loudness. */
	private List<Double> process(RenderRequest request, double sourceGain, List<Branch> branches,
			DoubleConsumer progress) {
		List<String> args = new ArrayList<>(List.of("-loglevel", "level+verbose", "-nostats", "-progress", "pipe:2",
				"-i", input(request.source())));
		// the episode keeps its rate and channels up to the branches, so every output comes out the same
		// whichever others are rendered with it; concat converts the ident to the episode's format
		StringBuilder graph = new StringBuilder();
		if (request.ident() != null) {
			args.addAll(List.of("-i", input(request.ident())));
			graph.append("[1:a:0]")
				.append(volume(Math.min(processing.maxGainDb(),
						REFERENCE_LUFS - identLoudness(request.ident()).integratedLufs())))
				.append("[ident];[0:a:0]")
				.append(volume(sourceGain))
				.append("[episode];[ident][episode]concat=n=2:v=0:a=1");
		}
		else {
			graph.append("[0:a:0]").append(volume(sourceGain));
		}
		// cut to the airing before anything is measured: what is cut off must not count towards the loudness
		double seconds = request.length().toNanos() / 1e9;
		double fade = Math.min(seconds, processing.fadeOut().toNanos() / 1e9);
		graph.append(format(",atrim=duration=%.6f,afade=t=out:st=%.6f:d=%.6f", seconds, seconds - fade, fade));
		graph.append(",asplit=").append(branches.size());
		for (int i = 0; i < branches.size(); i++) {
			graph.append("[b").append(i).append(']');
		}
		for (int i = 0; i < branches.size(); i++) {
			OutputSpec spec = branches.get(i).spec();
			graph.append(";[b").append(i).append(']').append(chain(spec));
			graph.append(",asplit[w").append(i).append("][m").append(i).append("];[m").append(i);
			// ebur128 takes 48 kHz only; resampling its own branch keeps that from reaching the one written
			graph.append("]aresample=48000,ebur128@m").append(i).append(",anullsink");
		}
		args.addAll(List.of("-filter_complex", graph.toString()));
		for (int i = 0; i < branches.size(); i++) {
			OutputSpec spec = branches.get(i).spec();
			args.addAll(List.of("-map", "[w" + i + "]", "-c:a", "pcm_f32le", "-ar",
					String.valueOf(spec.fileSampleRate()), "-ac", String.valueOf(spec.channels()), "-f", "f32le", "-y",
					input(branches.get(i).pcm())));
		}
		Ffmpeg.Result result = ffmpeg.run(args, audio.ffmpegTimeout(),
				progress(request.length(), 0, FIRST_RUN, progress));
		try {
			DecodeReport.of(result)
				.endedEarly()
				.verdict(request.source(), input(request.source()), AudioProbe.looksLikeAudio(request.source()));
		}
		catch (UndecodableAudioException ex) {
			throw new RenderException("the episode cannot be rendered: " + ex.getMessage(), ex);
		}
		List<Double> measured = new ArrayList<>();
		for (int i = 0; i < branches.size(); i++) {
			measured.add(LoudnessMeter.integrated(summary(result.log(), "m" + i)));
		}
		return measured;
	}

	/** A branch of the first run: its rate and channels, the output's level, the preset's filters. */
	private String chain(OutputSpec spec) {
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

	/** The preset's steep low-pass: FFmpeg's 2-pole lowpass would leave 5.5 kHz only 7 dB down. */
	String lowPass(Preset preset) {
		double cutoff = processing.lowPassHz(preset);
		// the FIR smooths the gain table: ending the flat part 5 Hz early puts -3 dB at the cutoff (measured)
		return format("firequalizer=gain_entry='entry(0,0);entry(%.1f,0);entry(%.1f,-90);entry(1e6,-90)'"
				+ ":delay=%s:wfunc=nuttall", cutoff - 5, cutoff - 5 + processing.lowPassTransitionHz(),
				processing.lowPassFirSeconds());
	}

	/** The second run: each branch's correction gain, the limiter, its length, its encoder. */
	private void encode(RenderRequest request, double sourceGain, List<Branch> branches, List<Double> measured,
			DoubleConsumer progress) {
		List<String> args = new ArrayList<>(List.of("-loglevel", "level+error", "-nostats", "-progress", "pipe:2"));
		List<String> graph = new ArrayList<>();
		for (int i = 0; i < branches.size(); i++) {
			Branch branch = branches.get(i);
			OutputSpec spec = branch.spec();
			args.addAll(List.of("-f", "f32le", "-ar", String.valueOf(spec.fileSampleRate()), "-ac",
					String.valueOf(spec.channels()), "-i", input(branch.pcm())));
			// all gain together stays under the cap, so near-silence stays quiet and fails the check
			double gain = Math.min(spec.targetLufs() - measured.get(i), processing.maxGainDb() - sourceGain);
			long samples = request.length().toNanos() * spec.fileSampleRate() / 1_000_000_000L;
			graph.add("[" + i + ":a]" + volume(gain) + ","
					+ format("alimiter=limit=%.6f:attack=%s:release=%s:level=0,",
							linear(spec.truePeakCeilingDbtp() - processing.limiterMarginDb()),
							processing.limiterAttackMs(), processing.limiterReleaseMs())
					+ "apad=whole_len=" + samples + ",atrim=end_sample=" + samples + "[o" + i + "]");
		}
		args.addAll(List.of("-filter_complex", String.join(";", graph)));
		for (int i = 0; i < branches.size(); i++) {
			Branch branch = branches.get(i);
			args.addAll(List.of("-map", "[o" + i + "]"));
			args.addAll(branch.spec().codec().encoderArgs(branch.spec().bitrateKbps()));
			// no random Ogg serials or version tags: the same render gives the same bytes
			args.addAll(List.of("-fflags", "+bitexact", "-flags:a", "+bitexact", "-y", input(branch.file())));
		}
		Ffmpeg.Result result = ffmpeg.run(args, audio.ffmpegTimeout(),
				progress(request.length(), FIRST_RUN, SECOND_RUN, progress));
		if (result.exitCode() != 0) {
			throw new RenderException("FFmpeg could not encode the outputs: " + result.log().strip());
		}
	}

	/** Decodes the file as a site would and checks it against its spec. */
	private RenderedFile verify(RenderRequest request, Branch branch) throws IOException {
		OutputSpec spec = branch.spec();
		AudioAnalysis analysis;
		try {
			analysis = meter.analyze(branch.file());
		}
		catch (UndecodableAudioException ex) {
			throw new RenderException(spec.name() + ": the rendered file does not decode: " + ex.reason(), ex);
		}
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
							? " (the episode is too quiet to raise by " + processing.maxGainDb() + " dB at most)" : ""));
		}
		if (loudness.truePeakDbtp() > spec.truePeakCeilingDbtp()) {
			throw new RenderException(format("%s: the file's true peak is %.1f dBTP, above its ceiling of %.1f dBTP",
					spec.name(), loudness.truePeakDbtp(), spec.truePeakCeilingDbtp()));
		}
		return new RenderedFile(spec, branch.file(), duration, loudness, sha256(branch.file()));
	}

	private Loudness identLoudness(Path ident) {
		try {
			Loudness loudness = meter.measure(ident);
			if (loudness.silent()) {
				throw new RenderException("the station ident " + ident.getFileName() + " is silent");
			}
			return loudness;
		}
		catch (UndecodableAudioException ex) {
			throw new RenderException("the station ident cannot be used: " + ex.getMessage(), ex);
		}
	}

	/** The block that the named ebur128 instance logs at the end. */
	private static String summary(String log, String instance) {
		Matcher m = Pattern.compile("^\\[ebur128@" + instance + " @ [^\\]]+\\] \\[info\\] Summary:$", Pattern.MULTILINE)
			.matcher(log);
		int start = -1;
		while (m.find()) {
			start = m.start();
		}
		if (start < 0) {
			throw new IllegalStateException("FFmpeg's ebur128@" + instance + " logged no summary");
		}
		int end = log.indexOf("\n[", start + 1);
		return log.substring(start, end < 0 ? log.length() : end);
	}

	/** Passes on FFmpeg's progress as a share of the whole render. */
	private static Consumer<String> progress(Duration length, double from, double share,
			DoubleConsumer progress) {
		double micros = length.toNanos() / 1e3;
		return line -> {
			Matcher m = OUT_TIME.matcher(line);
			if (m.matches()) {
				progress.accept(from + share * Math.min(1, Long.parseLong(m.group(1)) / micros));
			}
		};
	}

	private static Path createTempFile(Path workDir, OutputSpec spec, String suffix) throws IOException {
		return Files.createTempFile(workDir, "render-" + spec.name() + "-", suffix);
	}

	private static String sha256(Path file) throws IOException {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
				in.transferTo(OutputStream.nullOutputStream());
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String volume(double db) {
		return format("volume=%.3fdB", db);
	}

	private static String layout(int channels) {
		return channels == 1 ? "mono" : "stereo";
	}

	private static double linear(double db) {
		return Math.pow(10, db / 20);
	}

	/** The file protocol, so that no name is taken for an option or another protocol. */
	private static String input(Path file) {
		return "file:" + file.toAbsolutePath();
	}

	private static String format(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

}
