package org.waveplan.schedule;

import java.util.List;

import org.springframework.web.util.HtmlUtils;
import org.waveplan.schedule.BandChart.Bar;
import org.waveplan.schedule.BandChart.Chart;

/**
 * Draws a band chart as SVG: a row per channel of the band's raster, 24 UTC hours across (Korean time on the
 * axis's second row), our airings as bars in their program's colour that open the slot, imported entries in grey,
 * conflicts outlined in red with their reasons as the bar's title. Four parts in a grid, so that the page can keep
 * the hour axis and the kHz labels in sight while the plot scrolls under them. Written straight into one builder:
 * a band holds a couple of thousand bars.
 */
final class ChartSvg {

	static final int LABEL_WIDTH = 64;

	static final int HOUR_WIDTH = 44;

	static final int ROW_HEIGHT = 16;

	static final int AXIS_HEIGHT = 40;

	private static final int PLOT_WIDTH = 24 * HOUR_WIDTH;

	private static final int KST_OFFSET_HOURS = 9;

	/** Slots that carry no program. */
	static final String NO_PROGRAM = "#55606b";

	private ChartSvg() {
	}

	/**
	 * @param slotPath the path of a slot's page without its id
	 * @param nowMinute the minute of the day to mark as now, or -1 when the chart is of another day
	 */
	static String draw(Chart chart, String slotPath, int nowMinute, String description) {
		int[] channels = chart.band().channels();
		int height = channels.length * ROW_HEIGHT;
		StringBuilder svg = new StringBuilder(4096 + chart.bars().size() * 220);
		svg.append("<div class=\"chart-grid\" style=\"grid-template-columns:").append(LABEL_WIDTH).append("px ")
			.append(PLOT_WIDTH).append("px\">");
		svg.append("<div class=\"chart-corner\" aria-hidden=\"true\"><span>kHz \\ UTC</span><span class=\"kst\">KST</span></div>");
		hours(svg);
		kilohertz(svg, channels, height);
		svg.append("<svg class=\"chart-plot\" width=\"").append(PLOT_WIDTH).append("\" height=\"").append(height)
			.append("\" role=\"group\" aria-label=\"").append(HtmlUtils.htmlEscape(description)).append("\">");
		grid(svg, channels, height);
		if (nowMinute >= 0) {
			double x = x(nowMinute);
			svg.append("<line class=\"now\" x1=\"");
			num(svg, x).append("\" x2=\"");
			num(svg, x).append("\" y1=\"0\" y2=\"").append(height).append("\"/>");
		}
		int first = channels.length == 0 ? chart.band().lowKhz() : channels[0];
		for (Bar bar : chart.bars()) {
			bar(svg, bar, first, chart.band().rasterKhz(), slotPath);
		}
		svg.append("</svg></div>");
		return svg.toString();
	}

	// distinct at a glance, dark enough under white letters, none of them the conflicts' red
	private static final String[] PALETTE = { "#1f5fa8", "#2a8f6a", "#7b3fa0", "#b8650a", "#0f7c99", "#b5338a",
			"#5a7d1c", "#5c4bb8", "#8c4a2f", "#2f6f8f" };

	/** The colour of the n-th program: the palette, then hues a golden angle apart. */
	static String colour(int n) {
		return n < PALETTE.length ? PALETTE[n] : "hsl(" + (40 + (n * 137) % 280) + ",55%,36%)";
	}

	private static void hours(StringBuilder svg) {
		svg.append("<svg class=\"chart-hours\" width=\"").append(PLOT_WIDTH).append("\" height=\"").append(AXIS_HEIGHT)
			.append("\" aria-hidden=\"true\">");
		for (int hour = 0; hour < 24; hour++) {
			int x = hour * HOUR_WIDTH;
			svg.append("<line x1=\"").append(x).append("\" x2=\"").append(x).append("\" y1=\"0\" y2=\"").append(AXIS_HEIGHT)
				.append(hour % 6 == 0 ? "\" class=\"major\"/>" : "\"/>");
			svg.append("<text x=\"").append(x + 4).append("\" y=\"16\">").append(twoDigits(hour)).append("</text>");
			svg.append("<text class=\"kst\" x=\"").append(x + 4).append("\" y=\"34\">")
				.append(twoDigits((hour + KST_OFFSET_HOURS) % 24)).append("</text>");
		}
		svg.append("</svg>");
	}

	private static void kilohertz(StringBuilder svg, int[] channels, int height) {
		svg.append("<svg class=\"chart-khz\" width=\"").append(LABEL_WIDTH).append("\" height=\"").append(height)
			.append("\" aria-hidden=\"true\">");
		for (int i = 0; i < channels.length; i++) {
			svg.append("<text x=\"").append(LABEL_WIDTH - 6).append("\" y=\"").append(i * ROW_HEIGHT + 12)
				.append(channels[i] % 50 == 0 ? "\" class=\"major\">" : "\">").append(channels[i]).append("</text>");
		}
		svg.append("</svg>");
	}

	// every other row shaded, a line every hour and a stronger one every six
	private static void grid(StringBuilder svg, int[] channels, int height) {
		svg.append("<defs><pattern id=\"chart-rows\" width=\"").append(PLOT_WIDTH).append("\" height=\"")
			.append(2 * ROW_HEIGHT).append("\" patternUnits=\"userSpaceOnUse\"><rect class=\"row\" y=\"").append(ROW_HEIGHT)
			.append("\" width=\"").append(PLOT_WIDTH).append("\" height=\"").append(ROW_HEIGHT)
			.append("\"/></pattern></defs>");
		svg.append("<rect width=\"").append(PLOT_WIDTH).append("\" height=\"").append(height)
			.append("\" fill=\"url(#chart-rows)\"/>");
		StringBuilder hourly = new StringBuilder();
		StringBuilder sixHourly = new StringBuilder();
		for (int hour = 1; hour < 24; hour++) {
			(hour % 6 == 0 ? sixHourly : hourly).append('M').append(hour * HOUR_WIDTH).append(" 0V").append(height);
		}
		svg.append("<path class=\"hour\" d=\"").append(hourly).append("\"/>");
		svg.append("<path class=\"hour major\" d=\"").append(sixHourly).append("\"/>");
		StringBuilder fifty = new StringBuilder();
		for (int i = 0; i < channels.length; i++) {
			if (channels[i] % 50 == 0 && i > 0) {
				fifty.append("M0 ").append(i * ROW_HEIGHT).append('H').append(PLOT_WIDTH);
			}
		}
		svg.append("<path class=\"khz\" d=\"").append(fifty).append("\"/>");
	}

	private static void bar(StringBuilder svg, Bar bar, int firstKhz, int rasterKhz, String slotPath) {
		double y = (bar.khz() - firstKhz) / rasterKhz * ROW_HEIGHT + 2;
		double x = x(bar.from());
		double width = x(bar.to()) - x;
		boolean conflict = !bar.conflicts().isEmpty();
		if (bar.external()) {
			svg.append("<rect class=\"ext").append(conflict ? " conflict" : "").append("\" x=\"");
			num(svg, x).append("\" y=\"");
			num(svg, y).append("\" width=\"");
			num(svg, width).append("\" height=\"").append(ROW_HEIGHT - 4).append("\">");
			title(svg, bar.label(), bar.conflicts());
			svg.append("</rect>");
			return;
		}
		svg.append("<a class=\"slot\" href=\"").append(slotPath).append(bar.id()).append("\">");
		title(svg, bar.program() == null ? bar.label() : bar.label() + " · " + bar.program(), bar.conflicts());
		svg.append("<rect").append(conflict ? " class=\"conflict\"" : "").append(" x=\"");
		num(svg, x).append("\" y=\"");
		num(svg, y).append("\" width=\"");
		num(svg, width).append("\" height=\"").append(ROW_HEIGHT - 4).append("\" rx=\"2\" fill=\"")
			.append(bar.colour()).append("\"/>");
		// the program's name where the bar is wide enough for a few letters of it
		int letters = (int) ((width - 6) / 6);
		if (bar.program() != null && letters >= 3) {
			String name = bar.program().length() <= letters ? bar.program()
					: bar.program().substring(0, letters - 1) + "…";
			svg.append("<text x=\"");
			num(svg, x + 3).append("\" y=\"");
			num(svg, y + 9.5).append("\">").append(HtmlUtils.htmlEscape(name)).append("</text>");
		}
		svg.append("</a>");
	}

	private static void title(StringBuilder svg, String label, List<String> conflicts) {
		svg.append("<title>").append(HtmlUtils.htmlEscape(label));
		for (String conflict : conflicts) {
			svg.append('\n').append(HtmlUtils.htmlEscape(conflict));
		}
		svg.append("</title>");
	}

	private static double x(int minute) {
		return minute * (double) HOUR_WIDTH / 60;
	}

	// one decimal is finer than a pixel
	private static StringBuilder num(StringBuilder svg, double value) {
		long tenths = Math.round(value * 10);
		svg.append(tenths / 10);
		if (tenths % 10 != 0) {
			svg.append('.').append(Math.abs(tenths % 10));
		}
		return svg;
	}

	private static String twoDigits(int hour) {
		return hour < 10 ? "0" + hour : Integer.toString(hour);
	}

}
