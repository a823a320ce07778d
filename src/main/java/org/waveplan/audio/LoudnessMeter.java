package org.waveplan.audio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Measures loudness with FFmpeg's {@code ebur128} filter and the true peak at 192 kHz: the same figures as
 * {@code loudnorm}'s analysis pass at a fraction of its time. It decodes the file as {@link AudioProbe} does, so
 * {@link #analyze(Path)} probes and measures at once.
 * <p>
 * ebur128's own true peak ({@code peak=true}) resamples its 48 kHz input once more, to 192 kHz in double
 * precision with 32 taps a sample: that took longer than decoding and measuring loudness together. The true
 * peak is taken instead from the decoded rate straight to 192 kHz (BS.1770 oversamples 48 kHz 4x) in single
 * precision with 16 taps a sample, more than the 12 of BS.1770's reference interpolator: it agreed with ebur128's
 * within its 0.1 dB resolution on every sample and render tried, at about half the cost. It still costs about as
 * much as the loudness, so the two run as two processes, each on a core, in about half the time of one.
 */
@Component
public class LoudnessMeter {

	private static final Pattern INTEGRATED = Pattern.compile("I:\\s+(\\S+) LUFS");

	/** The first threshold of the summary is the integrated loudness's; the second, the range's. */
	private static final Pattern THRESHOLD = Pattern.compile("Threshold:\\s+(\\S+) LUFS");

	private static final Pattern RANGE = Pattern.compile("LRA:\\s+(\\S+) LU");

	/** astats' peak of the oversampled signal, all channels. */
	private static final Pattern TRUE_PEAK = Pattern.compile("^\\[astats@truepeak @ [^\\]]+\\] .*Peak level dB: (\\S+)$",
			Pattern.MULTILINE);

	/** A block that ametadata logged: its start, then (on the next line) its true peak. */
	private static final Pattern SPOT = Pattern.compile(
			"^\\[ametadata@spots @ [^\\]]+\\] .*pts_time:(\\S+)\\R.*Peak_level=(\\S+)$", Pattern.MULTILINE);

	/** The blocks whose true peaks are told apart: short enough to lower a spot without what is around it. */
	static final double SPOT_SECONDS = 0.1;

	private static final int OVERSAMPLED_RATE = 192_000;

	/**
	 * Frames of 4410 samples: resampled from any usual rate to 48 or 192 kHz, every frame comes out the same size.
	 * Frames that change size (an MP3's 1152 samples at 44.1 kHz make 5015 or 5016 at 192 kHz) have FFmpeg
	 * reallocate its buffers frame after frame, which took a third of the time of measuring an hour of MP3.
	 */
	private static final String EVEN_FRAMES = "asetnsamples=n=4410:p=0";

	private static final String LOUDNESS_FILTER = loudnessFilter("loudness");

	/**
	 * Measures the true peak on a branch of its own, passing its input on unchanged. In float: resampled as 16-bit,
	 * the peaks between the samples of a clipped file would be clipped at full scale too.
	 */
	private static final String OVERSAMPLED = EVEN_FRAMES + ",asplit[peak];[peak]aformat=sample_fmts=flt,aresample="
			+ OVERSAMPLED_RATE + ":filter_size=16";

	private static final String PEAK_STATS = "astats@truepeak=measure_perchannel=none:measure_overall=Peak_level,"
			+ "anullsink";

	private static final String TRUE_PEAK_FILTER = OVERSAMPLED + "," + PEAK_STATS;

	private final AudioProbe probe;

	LoudnessMeter(AudioProbe probe) {
		this.probe = probe;
	}

	public Loudness measure(Path file) throws UndecodableAudioException {
		return analyze(file).loudness();
	}

	/**
	 * Probes and measures the file, faster than {@link AudioProbe#probe} and {@link #measure} one after the
	 * other; the loudness curve comes from the same decode's log.
	 */
	public AudioAnalysis analyze(Path file) throws UndecodableAudioException {
		return analyze(file, TRUE_PEAK_FILTER).analysis();
	}

	/**
	 * {@link #analyze(Path)}, and where the file's true peak is over a ceiling: the blocks of {@link #SPOT_SECONDS}
	 * that go over it, in order. Telling them apart costs the true-peak branch a third more.
	 */
	PeakCheck check(Path file, double ceilingDbtp) throws UndecodableAudioException {
		// each block's peak goes to the metadata, and ametadata logs those over the ceiling
		return analyze(file, OVERSAMPLED + ",asplit[tp][blocks];[tp]" + PEAK_STATS + String.format(Locale.ROOT,
				";[blocks]asetnsamples=n=%d:p=0,astats=metadata=1:reset=1:measure_perchannel=none"
						+ ":measure_overall=Peak_level,ametadata@spots=mode=print:key=lavfi.astats.Overall.Peak_level"
						+ ":value=%.6f:function=greater,anullsink",
				Math.round(SPOT_SECONDS * OVERSAMPLED_RATE), ceilingDbtp));
	}

	/** An analysis, and the spots whose true peaks are over the level it was asked about (none if not asked). */
	record PeakCheck(AudioAnalysis analysis, List<PeakSpot> spots) {
	}

	/** A block of a decoded file, from its start, and its true peak. */
	record PeakSpot(double startSeconds, double peakDbtp) {
	}

	private PeakCheck analyze(Path file, String truePeakFilter) throws UndecodableAudioException {
		CompletableFuture<String> peak = CompletableFuture.supplyAsync(() -> truePeakLog(file, truePeakFilter), task -> {
			Thread thread = new Thread(task, "true-peak");
			thread.setDaemon(true);
			thread.start();
		});
		AudioProbe.Decoded decoded = probe.decode(file, LOUDNESS_FILTER);
		String peakLog = join(peak);
		return new PeakCheck(new AudioAnalysis(decoded.info(), summary(decoded.log(), peakLog),
				LoudnessCurve.fromLog(decoded.log())), spots(peakLog));
	}

	private static List<PeakSpot> spots(String truePeakLog) {
		List<PeakSpot> spots = new ArrayList<>();
		Matcher m = SPOT.matcher(truePeakLog);
		while (m.find()) {
			spots.add(new PeakSpot(Double.parseDouble(m.group(1)), decibels(m.group(2))));
		}
		return List.copyOf(spots);
	}

	private String truePeakLog(Path file, String truePeakFilter) {
		try {
			return probe.decode(file, truePeakFilter).log();
		}
		catch (UndecodableAudioException ex) {
			throw new CompletionException(ex);
		}
	}

	private static String join(CompletableFuture<String> log) throws UndecodableAudioException {
		try {
			return log.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof UndecodableAudioException undecodable) {
				throw undecodable;
			}
			throw ex.getCause() instanceof RuntimeException runtime ? runtime : ex;
		}
	}

	/** Reads the summaries that ebur128 and astats log at the end of their runs. */
	static Loudness summary(String loudnessLog, String truePeakLog) {
		String summary = lastSummary(loudnessLog);
		double integrated = value(INTEGRATED, summary);
		Matcher peak = TRUE_PEAK.matcher(truePeakLog);
		double truePeak = Double.NaN;
		while (peak.find()) {
			truePeak = decibels(peak.group(1));
		}
		if (Double.isNaN(truePeak)) {
			throw new IllegalStateException("FFmpeg's astats logged no peak level");
		}
		// to 0.1 dB, as ebur128 gives the other figures (and gave the true peak itself)
		truePeak = Math.max(Math.round(truePeak * 10) / 10.0, Loudness.FLOOR);
		if (integrated <= Loudness.FLOOR) {
			// nothing passed the gate: ebur128 logs the thresholds and range as 0
			return new Loudness(Loudness.FLOOR, 0, truePeak, Loudness.FLOOR);
		}
		return new Loudness(integrated, value(RANGE, summary), truePeak, value(THRESHOLD, summary));
	}

	/**
	 * Measures the integrated loudness as the named instance of ebur128, which takes 48 kHz only; read it with
	 * {@link #integrated}.
	 */
	static String loudnessFilter(String instance) {
		return EVEN_FRAMES + ",aresample=48000,ebur128@" + instance;
	}

	/** The integrated loudness that the named {@link #loudnessFilter} logged, floored. */
	static double integrated(String log, String instance) {
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
		return Math.max(value(INTEGRATED, log.substring(start, end < 0 ? log.length() : end)), Loudness.FLOOR);
	}

	private static String lastSummary(String log) {
		int start = log.lastIndexOf("Summary:");
		if (start < 0) {
			throw new IllegalStateException("FFmpeg's ebur128 logged no summary");
		}
		return log.substring(start);
	}

	private static double value(Pattern pattern, String summary) {
		Matcher m = pattern.matcher(summary);
		if (!m.find()) {
			throw new IllegalStateException("FFmpeg's ebur128 summary has no " + pattern.pattern() + ": " + summary);
		}
		return decibels(m.group(1));
	}

	private static double decibels(String logged) {
		return logged.equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(logged);
	}

}
