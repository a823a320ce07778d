package org.waveplan.audio;

/** Processing for the transmitter: AM shortwave, mediumwave, or loudness only. */
public enum Preset {

	AM_SW, MW, NONE

}
