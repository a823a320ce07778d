package org.waveplan.audio;

/** How audio is processed for the transmitter that airs it. */
public enum Preset {

	/** Shortwave AM: band-limited to the AM_SW low-pass (a 9 kHz channel carries 4.5 kHz of audio). */
	AM_SW,

	/** Mediumwave AM: band-limited to the MW low-pass. */
	MW,

	/** No band-limiting or compression: loudness and true peak only. */
	NONE

}
