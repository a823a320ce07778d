package org.waveplan.audio;

/**
 * Loudness of a whole file after EBU R 128 (ITU-R BS.1770), as FFmpeg's ebur128 filter measures it.
 * No figure is below {@link #FLOOR}, so all stay finite (JSON has no infinity): silence, and any audio
 * whose every 400 ms block is below the gate, reads integrated -70 LUFS (as ebur128 reports it),
 * threshold -70 LUFS, range 0 LU and true peak -70 dBTP.
 *
 * @param integratedLufs integrated (programme) loudness
 * @param rangeLu loudness range (LRA)
 * @param truePeakDbtp highest true peak (oversampled to 192 kHz) of any channel
 * @param thresholdLufs relative gate of the integrated loudness: blocks quieter than this were left out
 */
public record Loudness(double integratedLufs, double rangeLu, double truePeakDbtp, double thresholdLufs) {

	/** The absolute gate of EBU R 128 (LUFS), and the lowest figure reported (LUFS or dBTP). */
	public static final double FLOOR = -70.0;

	/** Nothing above the absolute gate: silence, or nearly. */
	public boolean silent() {
		return integratedLufs <= FLOOR;
	}

}
