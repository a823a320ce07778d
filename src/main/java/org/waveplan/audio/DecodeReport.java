package org.waveplan.audio;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What FFmpeg logged, at {@code -loglevel level+verbose}, while it decoded the first audio stream of
 * one input file to the null muxer: the input's header, the problems it met and how much it decoded.
 */
record DecodeReport(int exitCode, String container, AudioStream audio, boolean video, Duration announced,
		boolean estimated, List<String> errors, boolean corruptPackets, long samples, String announcedBy) {

	/** The first audio stream as the input's header describes it. */
	record AudioStream(int index, String codec, int sampleRate, String layout) {
	}

	/** {@code [mp3 @ 0x4f1c0] [error] message} or {@code [info] message}; lines without a level continue one. */
	private static final Pattern LINE = Pattern.compile("^(?:\\[[^\\]]+\\] )?\\[(\\w+)\\] (.*)$");

	private static final Pattern INPUT = Pattern.compile("^Input #0, (.+), from '");

	private static final Pattern DURATION = Pattern.compile("^\\s*Duration: (\\d+):(\\d\\d):(\\d\\d\\.\\d+)");

	private static final Pattern STREAM = Pattern.compile("^\\s*Stream #0:(\\d+)\\S*: (\\w+): (.*)$");

	/** {@code aac (LC) (mp4a / 0x6134706D), 44100 Hz, stereo, fltp, 85 kb/s}: codec, rate, layout. */
	private static final Pattern AUDIO = Pattern.compile("^(\\w+).*?, (\\d+) Hz, ([^,]+)");

	private static final Pattern DECODED = Pattern
		.compile("Input stream #0:(\\d+) \\(audio\\): .* frames decoded \\((\\d+) samples\\)");

	private static final Map<String, Integer> NAMED_LAYOUTS = Map.of("mono", 1, "stereo", 2, "downmix", 2, "quad",
			4, "hexagonal", 6, "octagonal", 8, "hexadecagonal", 16);

	/** {@code 5.1} or {@code 7.1(wide)}: full-range channels and LFE channels. */
	private static final Pattern NUMBERED_LAYOUT = Pattern.compile("(\\d+)\\.(\\d+)(?:\\(.*\\))?");

	/** FFmpeg's name of a layout it has no name for: {@code 3 channels (FL+FR+LFE)}. */
	private static final Pattern COUNTED_LAYOUT = Pattern.compile("(\\d+) channels.*");

	/** Headers may announce a little more than decodes (encoder delay, padding): 1%, at least this. */
	private static final Duration MIN_MISSING_TOLERATED = Duration.ofMillis(500);

	static DecodeReport of(Ffmpeg.Result result) {
		String container = null;
		AudioStream audio = null;
		boolean video = false;
		boolean inHeader = false;
		Duration announced = null;
		boolean estimated = false;
		List<String> errors = new ArrayList<>();
		boolean corrupt = false;
		long samples = 0;
		for (String line : result.log().split("\r?\n|\r")) {
			Matcher logged = LINE.matcher(line);
			if (!logged.matches()) {
				continue;
			}
			String level = logged.group(1);
			String message = logged.group(2);
			Matcher m;
			if ((m = INPUT.matcher(message)).find()) {
				container = m.group(1);
				inHeader = true;
			}
			else if (message.startsWith("Stream mapping:") || message.startsWith("Output #0")) {
				inHeader = false;
			}
			else if (inHeader && (m = DURATION.matcher(message)).find()) {
				announced = Duration.ofHours(Long.parseLong(m.group(1)))
					.plusMinutes(Long.parseLong(m.group(2)))
					.plusNanos(Math.round(Double.parseDouble(m.group(3)) * 1e9));
			}
			else if (inHeader && (m = STREAM.matcher(message)).find()) {
				video |= m.group(2).equals("Video");
				Matcher details = AUDIO.matcher(m.group(3));
				if (audio == null && m.group(2).equals("Audio") && details.find()) {
					audio = new AudioStream(Integer.parseInt(m.group(1)), details.group(1),
							Integer.parseInt(details.group(2)), details.group(3).trim());
				}
			}
			else if ((m = DECODED.matcher(message)).find() && audio != null
					&& Integer.parseInt(m.group(1)) == audio.index()) {
				samples = Long.parseLong(m.group(2));
			}
			else if (message.contains("Estimating duration from bitrate")) {
				estimated = true;
			}
			else if (message.contains("corrupt input packet")) {
				corrupt = true;
			}
			else if (level.equals("error") || level.equals("fatal") || level.equals("panic")) {
				errors.add(message.trim());
			}
		}
		return new DecodeReport(result.exitCode(), container, audio, video, announced, estimated, List.copyOf(errors),
				corrupt, samples, "that its header announces");
	}

	/**
	 * For a decode that a filter ends once it has what it needs (atrim): the file must hold that much, as its
	 * decode at ingest counted it. Not the header's length: a file cut short after ingest would otherwise pass, its
	 * end silence, and an Ogg file's header is read from its last page, so it shrinks with the file.
	 */
	DecodeReport endedEarly(Duration needed) {
		return new DecodeReport(exitCode, container, audio, video, needed, false, errors, corruptPackets, samples,
				"that the airing needs of it (as it decoded at ingest)");
	}

	/**
	 * What the file holds, if it is sound audio.
	 * @param input the input as FFmpeg was given it, which it repeats in front of some errors
	 * @param looksLikeAudio whether the file starts like an audio file
	 */
	AudioInfo verdict(Path file, String input, boolean looksLikeAudio) throws UndecodableAudioException {
		if (container == null) {
			throw new UndecodableAudioException(file, (looksLikeAudio
					? "it is cut short or damaged: FFmpeg cannot open it ("
					: "it is not an audio file that FFmpeg can read (") + errorText(input) + ")");
		}
		if (audio == null) {
			throw new UndecodableAudioException(file, "it has no audio stream" + (video ? ", only video" : ""));
		}
		if (exitCode != 0) {
			throw new UndecodableAudioException(file, "FFmpeg could not decode it (" + errorText(input) + ")");
		}
		int channels = channels(audio.layout());
		if (channels == 0) {
			throw new UndecodableAudioException(file,
					"FFmpeg reports a channel layout it cannot count: " + audio.layout());
		}
		Duration decoded = Duration.ofSeconds(samples / audio.sampleRate(),
				(samples % audio.sampleRate()) * 1_000_000_000L / audio.sampleRate());
		if (announced != null && !estimated) {
			Duration tolerated = announced.dividedBy(100);
			if (tolerated.compareTo(MIN_MISSING_TOLERATED) < 0) {
				tolerated = MIN_MISSING_TOLERATED;
			}
			if (announced.minus(decoded).compareTo(tolerated) > 0) {
				String shortfall = String.format("it decodes to %s of the %s %s", seconds(decoded),
						seconds(announced), announcedBy);
				// errors on the way: the file may as well be whole with a damaged middle, which they tell
				throw new UndecodableAudioException(file, errors.isEmpty() ? "it is cut short: " + shortfall
						: "it is cut short or damaged: " + shortfall + "; " + firstError());
			}
		}
		if (corruptPackets) {
			throw new UndecodableAudioException(file, "it is cut short or damaged: FFmpeg read incomplete packets");
		}
		if (!errors.isEmpty()) {
			throw new UndecodableAudioException(file, "it is damaged: " + firstError());
		}
		if (samples == 0) {
			throw new UndecodableAudioException(file, "it holds no audio (zero duration)");
		}
		return new AudioInfo(container, audio.codec(), decoded, audio.sampleRate(), channels);
	}

	private String firstError() {
		return "FFmpeg met " + errors.size() + " error(s) decoding it, the first: " + errors.get(0);
	}

	private String errorText(String input) {
		String prefix = input + ": ";
		return String.join("; ",
				errors.stream().map(e -> e.startsWith(prefix) ? e.substring(prefix.length()) : e).toList());
	}

	/** The number of channels of a layout as FFmpeg 4.4 names it, 0 if unknown. */
	private static int channels(String layout) {
		Matcher m;
		if ((m = NUMBERED_LAYOUT.matcher(layout)).matches()) {
			return Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2));
		}
		if ((m = COUNTED_LAYOUT.matcher(layout)).matches()) {
			return Integer.parseInt(m.group(1));
		}
		return NAMED_LAYOUTS.getOrDefault(layout.replaceFirst("\\(.*\\)$", ""), 0);
	}

	private static String seconds(Duration duration) {
		return String.format("%.1f s", duration.toMillis() / 1000.0);
	}

}
