package org.waveplan.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of an episode's loudness over time, which the program page draws as SVG: its short-term loudness
 * a second at a time, the EBU R 128 target level and a time axis. A long episode has more seconds than the picture
 * has points across: each point is the loudest second it stands for, so no peak is lost.
 *
 * @param points the curve, SVG polyline points
 * @param area the curve closed down to the bottom, to fill under it
 * @param targetY where the target level's line is
 * @param times the time axis' ticks
 * @param levels the level axis' ticks
 */
record LoudnessPicture(String points, String area, double targetY, List<Tick> times, List<Tick> levels) {

	static final int WIDTH = 720;

	static final int HEIGHT = 180;

	static final int LEFT = 40;

	static final int RIGHT = WIDTH - 16;

	static final int TOP = 8;

	static final int BOTTOM = HEIGHT - 22;

	/** EBU R 128's programme loudness: where an episode's speech should sit. */
	static final double TARGET_LUFS = -23;

	private static final double LOUDEST = 0;

	private static final double QUIETEST = -50;

	/** Time ticks at one of these steps (seconds), the first that makes at most eight. */
	private static final int[] STEPS = { 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800 };

	/** The plot's edges, for the template's lines. */
	public int left() {
		return LEFT;
	}

	public int right() {
		return RIGHT;
	}

	public int bottom() {
		return BOTTOM;
	}

	/** A tick: where on its axis, and its label. */
	record Tick(double at, String label) {
	}

	/** Null when the episode has no curve (taken in before curves were kept) or is too short for one. */
	static LoudnessPicture of(List<Double> shortTermLufs) {
		// the first two windows are not full yet and always read the floor: the curve starts at the third second
		if (shortTermLufs == null || shortTermLufs.size() < 3) {
			return null;
		}
		int seconds = shortTermLufs.size();
		int width = RIGHT - LEFT;
		int columns = Math.min(seconds - 2, width);
		StringBuilder points = new StringBuilder();
		for (int c = 0; c < columns; c++) {
			int from = 2 + (int) ((long) c * (seconds - 2) / columns);
			int to = 2 + (int) ((long) (c + 1) * (seconds - 2) / columns);
			double loudest = Double.NEGATIVE_INFINITY;
			for (int s = from; s < to; s++) {
				loudest = Math.max(loudest, shortTermLufs.get(s));
			}
			points.append(points.isEmpty() ? "" : " ").append(number(x(to, seconds))).append(',')
				.append(number(y(loudest)));
		}
		String area = number(x(3, seconds)) + "," + BOTTOM + " " + points + " " + RIGHT + "," + BOTTOM;
		return new LoudnessPicture(points.toString(), area, y(TARGET_LUFS), timeTicks(seconds), levelTicks());
	}

	private static List<Tick> timeTicks(int seconds) {
		int step = STEPS[STEPS.length - 1];
		for (int candidate : STEPS) {
			if (seconds / candidate <= 8) {
				step = candidate;
				break;
			}
		}
		List<Tick> ticks = new ArrayList<>();
		for (int t = 0; t <= seconds; t += step) {
			ticks.add(new Tick(x(t, seconds), clock(t)));
		}
		return ticks;
	}

	private static List<Tick> levelTicks() {
		List<Tick> ticks = new ArrayList<>();
		for (int lufs = (int) LOUDEST - 10; lufs >= QUIETEST; lufs -= 10) {
			ticks.add(new Tick(y(lufs), String.valueOf(lufs)));
		}
		return ticks;
	}

	/** The x of the end of the second. */
	private static double x(int second, int seconds) {
		return LEFT + (double) second * (RIGHT - LEFT) / seconds;
	}

	private static double y(double lufs) {
		double level = Math.max(QUIETEST, Math.min(LOUDEST, lufs));
		return TOP + (LOUDEST - level) * (BOTTOM - TOP) / (LOUDEST - QUIETEST);
	}

	private static String clock(int t) {
		return t >= 3600 ? String.format("%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60)
				: String.format("%d:%02d", t / 60, t % 60);
	}

	private static String number(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

}
