package org.waveplan.bundles;

import org.waveplan.audio.Codec;

/**
 * The sound of a bundle's files: for personal players and phones, not transmitters.
 *
 * @param bitrateKbps for lossy codecs; ignored by FLAC and WAV
 */
record BundleProfile(Codec codec, int bitrateKbps, int sampleRate, int channels, double targetLufs,
		double truePeakDbtp) {

	/** MP3, because cheap players play nothing else; mono 48 kb/s at 24 kHz; -16 LUFS, -1 dBTP. */
	static final BundleProfile DEFAULT = new BundleProfile(Codec.MP3, 48, 24_000, 1, -16, -1);

	BundleProfile withBitrate(int kbps) {
		return new BundleProfile(codec, kbps, sampleRate, channels, targetLufs, truePeakDbtp);
	}

}
