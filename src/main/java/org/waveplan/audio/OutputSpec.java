package org.waveplan.audio;

import java.time.Duration;
import java.util.Objects;

/**
 * One file that a site takes.
 *
 * @param name what the site calls it, for messages and file names
 * @param bitrateKbps for lossy codecs; ignored by FLAC and WAV
 * @param sampleRate Hz (Opus is always 48 kHz)
 * @param channels 1 or 2
 * @param targetLufs integrated loudness of the file (the default is -23 LUFS)
 * @param truePeakCeilingDbtp highest true peak of the file (the default is -1 dBTP)
 * @param metadata what the file carries besides its audio (the default is {@link Metadata#ENCODER})
 */
public record OutputSpec(String name, Codec codec, int bitrateKbps, int sampleRate, int channels, double targetLufs,
		double truePeakCeilingDbtp, Preset preset, Metadata metadata) {

	public static final double DEFAULT_TARGET_LUFS = -23;

	public static final double DEFAULT_TRUE_PEAK_CEILING_DBTP = -1;

	public OutputSpec {
		if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
			throw new IllegalArgumentException("an output needs a name of letters, digits, '.', '_' or '-': " + name);
		}
		if (channels != 1 && channels != 2) {
			throw new IllegalArgumentException(name + ": channels must be 1 or 2, not " + channels);
		}
		if (sampleRate < 8000 || sampleRate > 192_000) {
			throw new IllegalArgumentException(name + ": sample rate out of 8-192 kHz: " + sampleRate);
		}
		Objects.requireNonNull(metadata, "metadata");
	}

	/** With what FFmpeg writes bit-exact: the encoder's names, an MP3's LAME header. */
	public OutputSpec(String name, Codec codec, int bitrateKbps, int sampleRate, int channels, double targetLufs,
			double truePeakCeilingDbtp, Preset preset) {
		this(name, codec, bitrateKbps, sampleRate, channels, targetLufs, truePeakCeilingDbtp, preset,
				Metadata.ENCODER);
	}

	/** At the default loudness (-23 LUFS) and true-peak ceiling (-1 dBTP). */
	public OutputSpec(String name, Codec codec, int bitrateKbps, int sampleRate, int channels, Preset preset) {
		this(name, codec, bitrateKbps, sampleRate, channels, DEFAULT_TARGET_LUFS, DEFAULT_TRUE_PEAK_CEILING_DBTP,
				preset);
	}

	/** The rate of the file, which the codec may impose. */
	public int fileSampleRate() {
		return codec.sampleRate(sampleRate);
	}

	/** The same output with no metadata at all ({@link Metadata#NONE}). */
	public OutputSpec withoutMetadata() {
		return new OutputSpec(name, codec, bitrateKbps, sampleRate, channels, targetLufs, truePeakCeilingDbtp, preset,
				Metadata.NONE);
	}

	/**
	 * How much longer than its length the file may decode: an MP3 without its LAME header plays the encoder's
	 * delay (576 samples, and 529 of the decoder's) and the padding of its last frame.
	 */
	public Duration lengthSlack() {
		if (codec != Codec.MP3 || metadata != Metadata.NONE) {
			return Duration.ZERO;
		}
		int rate = fileSampleRate();
		// MPEG-1 (32 kHz and up) has frames of 1152 samples, MPEG-2 and 2.5 of 576
		long samples = 576 + 529 + (rate >= 32_000 ? 1152 : 576);
		return Duration.ofNanos(samples * 1_000_000_000L / rate);
	}

}
