package org.waveplan.audio;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An episode's short-term loudness (EBU R 128: the 3 s window) once a second, for a picture of it over time.
 * It costs no decode of its own: ebur128 logs a line every 100 ms of the ingest's decode, and every tenth is
 * kept. Compact, to be stored with the episode: a byte a second in steps of half a unit from
 * {@link Loudness#FLOOR} (-70 to +57.5 LUFS), an hour 3.6 kB; a window quieter than the floor, as the first two
 * seconds always are (the window is not full yet), reads as the floor.
 */
public final class LoudnessCurve {

	/** LU per stored step. */
	private static final double STEP = 0.5;

	/** {@code t: 12.0   TARGET:-23 LUFS    M: -16.8 S: -15.9 ...}: the time and the short-term loudness. */
	private static final Pattern LINE = Pattern
		.compile("^\\[ebur128@[^\\]]+\\] \\[\\w+\\] t: (\\S+)\\s.*? S:\\s*(\\S+)", Pattern.MULTILINE);

	private final byte[] steps;

	private LoudnessCurve(byte[] steps) {
		this.steps = steps;
	}

	/** The curve as {@link #bytes()} gave it. */
	public static LoudnessCurve of(byte[] stored) {
		return new LoudnessCurve(stored.clone());
	}

	/** Reads the value at each full second from the log of a decode through {@link LoudnessMeter#loudnessFilter}. */
	static LoudnessCurve fromLog(String log) {
		Matcher m = LINE.matcher(log);
		byte[] steps = new byte[64];
		int seconds = 0;
		while (m.find()) {
			long tenths = Math.round(Double.parseDouble(m.group(1)) * 10);
			if (tenths % 10 != 0) {
				continue;
			}
			// a second whose line was missing would take the next one's value: the curve keeps its length
			byte step = step(m.group(2));
			while (seconds < tenths / 10) {
				if (seconds == steps.length) {
					steps = Arrays.copyOf(steps, seconds * 2);
				}
				steps[seconds++] = step;
			}
		}
		return new LoudnessCurve(Arrays.copyOf(steps, seconds));
	}

	private static byte step(String logged) {
		double lufs;
		try {
			lufs = Double.parseDouble(logged);
		}
		catch (NumberFormatException inf) {
			// -inf or -nan: nothing above the floor
			return 0;
		}
		return (byte) Math.max(0, Math.min(255, Math.round((lufs - Loudness.FLOOR) / STEP)));
	}

	/** How many seconds it covers: one value for each full second of audio. */
	public int seconds() {
		return steps.length;
	}

	/** The short-term loudness at the end of the second (1-based), LUFS. */
	public double lufsAt(int second) {
		return Loudness.FLOOR + Byte.toUnsignedInt(steps[second - 1]) * STEP;
	}

	/** The stored form, a byte a second. */
	public byte[] bytes() {
		return steps.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof LoudnessCurve curve && Arrays.equals(steps, curve.steps);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(steps);
	}

	@Override
	public String toString() {
		return "LoudnessCurve[" + steps.length + " s]";
	}

}
