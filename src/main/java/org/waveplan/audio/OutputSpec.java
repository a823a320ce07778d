package org.waveplan.audio;

/**
 * One file that a site takes.
 *
 * @param name what the site calls it, for messages and file names
 * @param bitrateKbps for lossy codecs; ignored by FLAC and WAV
 * @param sampleRate Hz (Opus is always 48 kHz)
 * @param channels 1 or 2
 * @param targetLufs integrated loudness of the file (the default is -23 LUFS)
 * @param truePeakCeilingDbtp highest true peak of the file (the default is -1 dBTP)
 */
public record OutputSpec(String name, Codec codec, int bitrateKbps, int sampleRate, int channels, double targetLufs,
		double truePeakCeilingDbtp, Preset preset) {

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

}
