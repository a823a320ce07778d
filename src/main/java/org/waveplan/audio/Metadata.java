package org.waveplan.audio;

/** What an encoded file carries besides its audio. */
public enum Metadata {

	/**
	 * What FFmpeg writes bit-exact (no versions, no times): the encoder's and muxer's names, and in an MP3 the
	 * LAME header, which tells players the encoder's delay so that the file plays exactly its length. For the
	 * sites' transmitters.
	 */
	ENCODER,

	/**
	 * Nothing but the audio and what its container cannot do without: no tags, no encoder or vendor string, no
	 * times, nothing of the source's tags or chapters. For files that people carry, where a tool's name or a date
	 * can endanger them. An MP3 has no LAME header then, so it plays the encoder's delay and the padding of its
	 * last frame too: up to {@link OutputSpec#lengthSlack()} longer.
	 */
	NONE

}
