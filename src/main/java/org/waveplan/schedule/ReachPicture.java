package org.waveplan.schedule;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The band x hour picture of a slot's targets on its page, from {@link BandRanking#day}: a row per band the
 * transmitter tunes, in the ranking's order over the slot's hours, a column per UTC hour, each cell coloured by the
 * targets' median test point's reliability; the slot's hours outlined, its band marked. Or why there is none: the
 * month has no sunspot number, or the ranking refused (its detail). Positions are worked out here,
 * {@code schedule/slot-reach.html} draws them.
 */
record ReachPicture(String month, Double ssn, List<Row> rows, List<Column> columns, List<Outline> onAir,
		String refused) {

	static final int LABEL_WIDTH = 104;

	static final int HOUR_WIDTH = 30;

	static final int ROW_HEIGHT = 22;

	static final int AXIS_HEIGHT = 36;

	static final int SLOT_WIDTH = 52;

	static final int FOOT_HEIGHT = 44;

	private static final int KST_OFFSET_HOURS = 9;

	/** Ten steps of reliability, 0-0.1 to 0.9-1, dark to light (viridis: told apart without colour vision too). */
	static final List<String> SCALE = List.of("#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89",
			"#35b779", "#6ece58", "#b5de2b", "#fde725");

	/** A figure the engine has none of. */
	static final String NO_FIGURE = "#d0d0d0";

	/**
	 * @param reliability over the slot's hours, as the ranking has it
	 * @param own the slot's own band
	 */
	record Row(int rank, String band, double mhz, boolean own, double reliability, int y, List<Cell> cells) {
	}

	record Cell(int utcHour, int x, double reliability, double worstReliability, double muf, double fot,
			String colour) {
	}

	/** An hour's axis label and its median MUF and FOT, over the whole target. */
	record Column(int utcHour, int kstHour, int x, double muf, double fot, boolean onAir) {
	}

	/** Hours on the air side by side, outlined together. */
	record Outline(int x, int width) {
	}

	static ReachPicture noSunspotNumber(YearMonth month) {
		return new ReachPicture(month.toString(), null, List.of(), List.of(), List.of(), null);
	}

	static ReachPicture refused(YearMonth month, String detail) {
		return new ReachPicture(month.toString(), null, List.of(), List.of(), List.of(), detail);
	}

	static ReachPicture of(BandRanking.Day day, String ownBand) {
		List<Integer> onAir = day.ranking().utcHours();
		List<Row> rows = new ArrayList<>();
		for (int r = 0; r < day.day().size(); r++) {
			BandRanking.RankedBand band = day.day().get(r);
			List<Cell> cells = band.hours()
				.stream()
				.map(hour -> new Cell(hour.utcHour(), x(hour.utcHour()), hour.medianReliability(),
						hour.worstReliability(), hour.muf(), hour.fot(), colour(hour.medianReliability())))
				.toList();
			rows.add(new Row(r + 1, band.band(), band.mhz(), band.band().equals(ownBand),
					day.ranking().bands().get(r).medianReliability(), AXIS_HEIGHT + r * ROW_HEIGHT, cells));
		}
		List<Column> columns = day.day().isEmpty() ? List.of()
				: day.day()
					.get(0)
					.hours()
					.stream()
					.map(hour -> new Column(hour.utcHour(), (hour.utcHour() + KST_OFFSET_HOURS) % 24, x(hour.utcHour()),
							hour.muf(), hour.fot(), onAir.contains(hour.utcHour())))
					.toList();
		return new ReachPicture(day.ranking().month(), day.ranking().ssn(), List.copyOf(rows), columns,
				outlines(onAir), null);
	}

	// what the template asks of it (public, as Thymeleaf calls it)

	public boolean drawn() {
		return !rows.isEmpty();
	}

	public boolean missingSunspotNumber() {
		return rows.isEmpty() && refused == null;
	}

	public int width() {
		return plotRight() + SLOT_WIDTH;
	}

	public int height() {
		return plotBottom() + FOOT_HEIGHT;
	}

	public int plotLeft() {
		return LABEL_WIDTH;
	}

	public int plotRight() {
		return x(24);
	}

	public int plotTop() {
		return AXIS_HEIGHT;
	}

	public int plotBottom() {
		return AXIS_HEIGHT + rows.size() * ROW_HEIGHT;
	}

	public int hourWidth() {
		return HOUR_WIDTH;
	}

	public int rowHeight() {
		return ROW_HEIGHT;
	}

	public List<String> scale() {
		return SCALE;
	}

	static int x(int utcHour) {
		return LABEL_WIDTH + utcHour * HOUR_WIDTH;
	}

	static String colour(double reliability) {
		if (Double.isNaN(reliability)) {
			return NO_FIGURE;
		}
		return SCALE.get(Math.max(0, Math.min(SCALE.size() - 1, (int) Math.floor(reliability * SCALE.size()))));
	}

	// runs of consecutive hours in 0-23 (a slot over midnight makes two)
	private static List<Outline> outlines(List<Integer> hours) {
		boolean[] on = new boolean[24];
		hours.forEach(h -> on[h] = true);
		List<Outline> runs = new ArrayList<>();
		for (int h = 0; h < 24; h++) {
			if (on[h] && (h == 0 || !on[h - 1])) {
				int end = h;
				while (end + 1 < 24 && on[end + 1]) {
					end++;
				}
				runs.add(new Outline(x(h), (end - h + 1) * HOUR_WIDTH));
			}
		}
		return List.copyOf(runs);
	}

}
