package org.waveplan.audio;

/** The formats a transmitter site can ask for. */
public enum Codec {

	MP3, AAC_M4A, OPUS_OGG, FLAC, WAV_PCM16

}
