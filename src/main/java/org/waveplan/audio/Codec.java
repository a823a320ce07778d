package org.waveplan.audio;

import java.util.ArrayList;
import java.util.List;

/** The file formats that sites take, with FFmpeg's encoder and muxer for each. */
public enum Codec {

	MP3("mp3", "mp3", "libmp3lame", true, 0),

	/** AAC-LC in an MP4 (.m4a) file. */
	AAC_M4A("m4a", "ipod", "aac", true, 0),

	/** Opus in Ogg; Opus only runs at 48 kHz. */
	OPUS_OGG("ogg", "ogg", "libopus", true, 48_000),

	FLAC("flac", "flac", "flac", false, 0),

	WAV_PCM16("wav", "wav", "pcm_s16le", false, 0);

	private final String extension;

	private final String muxer;

	private final String encoder;

	private final boolean lossy;

	private final int fixedSampleRate;

	Codec(String extension, String muxer, String encoder, boolean lossy, int fixedSampleRate) {
		this.extension = extension;
		this.muxer = muxer;
		this.encoder = encoder;
		this.lossy = lossy;
		this.fixedSampleRate = fixedSampleRate;
	}

	public String extension() {
		return extension;
	}

	/** Whether the codec takes a bitrate. */
	public boolean lossy() {
		return lossy;
	}

	/** The rate the file is encoded at: the one asked for, unless the codec has only one. */
	public int sampleRate(int requested) {
		return fixedSampleRate > 0 ? fixedSampleRate : requested;
	}

	/** FFmpeg's output options for this codec, before the output file. */
	List<String> encoderArgs(int bitrateKbps) {
		List<String> args = new ArrayList<>(List.of("-c:a", encoder));
		if (lossy) {
			args.addAll(List.of("-b:a", bitrateKbps + "k"));
		}
		args.addAll(List.of("-f", muxer));
		return args;
	}

	/**
	 * The muxer's options that keep a file free of metadata ({@link Metadata#NONE}): no ID3 tags, and no Xing/LAME
	 * header in an MP3 (it names LAME; a constant bitrate needs no index); the MP4 index first, as players stream.
	 */
	List<String> untaggedArgs() {
		return switch (this) {
			case MP3 -> List.of("-id3v2_version", "0", "-write_id3v1", "0", "-write_xing", "0");
			case AAC_M4A -> List.of("-movflags", "+faststart");
			case OPUS_OGG, FLAC, WAV_PCM16 -> List.of();
		};
	}

}
