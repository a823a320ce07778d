package org.waveplan.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.waveplan.shared.FormProblem;
import org.waveplan.shared.ProblemException;

/** The band chart: a band's channels against the 24 UTC hours of a day. */
@Controller
class ChartPages {

	/** The band shown when none is asked for: the busiest of shortwave. */
	static final String DEFAULT_BAND = "31m";

	private final BandChart charts;

	private final MessageSource messages;

	private final Clock clock;

	ChartPages(BandChart charts, MessageSource messages, Clock clock) {
		this.charts = charts;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/schedule")
	String chart(@RequestParam(required = false) String band, @RequestParam(required = false) String site,
			@RequestParam(required = false) String date, @RequestParam(defaultValue = "false") boolean hideExternal,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		String bandName = band == null || band.isBlank() ? DEFAULT_BAND : band.trim();
		String siteCode = site == null || site.isBlank() ? null : site.trim();
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("band", bandName);
		model.addAttribute("site", siteCode);
		model.addAttribute("date", date == null || date.isBlank() ? today.toString() : date);
		model.addAttribute("hideExternal", hideExternal);
		model.addAttribute("choices", charts.choices(siteCode));
		try {
			FieldErrors errors = new FieldErrors();
			LocalDate asked = errors.date("date", date);
			errors.throwIfAny();
			LocalDate day = asked == null ? today : asked;
			BandChart.Chart chart = charts.draw(bandName, siteCode, day, !hideExternal);
			int now = day.equals(today) ? clock.instant().atZone(ZoneOffset.UTC).toLocalTime().toSecondOfDay() / 60 : -1;
			String description = messages.getMessage("chart.description", new Object[] { chart.band().name(), day,
					chart.slots(), chart.externals(), chart.conflicts() }, LocaleContextHolder.getLocale());
			model.addAttribute("chart", chart);
			model.addAttribute("noProgramColour", ChartSvg.NO_PROGRAM);
			model.addAttribute("svg", ChartSvg.draw(chart, request.getContextPath() + "/slots/", now, description));
			return "schedule/chart";
		}
		catch (ProblemException e) {
			return FormProblem.show(e, model, response, "schedule/chart");
		}
	}

}
