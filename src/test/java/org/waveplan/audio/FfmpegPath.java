package org.waveplan.audio;

/**
 * Prints the path of the FFmpeg binary bundled with Jave, unpacking it on first use, so that
 * {@code audio-samples/make-samples.sh} encodes with the very FFmpeg that Waveplan runs.
 */
public final class FfmpegPath {

	private FfmpegPath() {
	}

	public static void main(String[] args) {
		System.out.println(new Ffmpeg().executable());
	}

}
