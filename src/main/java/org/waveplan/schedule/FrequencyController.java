package org.waveplan.schedule;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/frequencies")
class FrequencyController {

	private final ClearChannelFinder finder;

	private final BandRanking bands;

	private final Clock clock;

	FrequencyController(ClearChannelFinder finder, BandRanking bands, Clock clock) {
		this.finder = finder;
		this.bands = bands;
		this.clock = clock;
	}

	/**
	 * The shortwave bands the transmitter can tune, ranked by predicted reliability at the targets' CIRAF test points
	 * over the hours from start to stop UTC, e.g.
	 * {@code ?site=TAC&transmitter=TX1&targets=44&start=20:00&stop=22:00&month=2026-07&ssn=110}.
	 */
	@GetMapping("/bands")
	BandRanking.Answer bands(@RequestParam String site, @RequestParam String transmitter, @RequestParam String targets,
			@RequestParam String start, @RequestParam String stop, @RequestParam(required = false) String month,
			@RequestParam(required = false) String ssn) {
		return bands.rank(BandRanking.Query.parse(site, transmitter, start, stop, targets, month, ssn, clock));
	}

	/**
	 * Channels free for a transmitter at the given times, e.g.
	 * {@code ?site=TAC&transmitter=TX1&start=20:00&stop=22:00&targets=44&bands=41m,31m}; with
	 * {@code rankBy=reliability} (and {@code ssn}, default the month's) ranked by the targets' predicted reliability
	 * for the period's middle month.
	 */
	@GetMapping("/clear")
	ClearChannelFinder.Answer clear(@RequestParam String site, @RequestParam String transmitter,
			@RequestParam String start, @RequestParam String stop, @RequestParam(required = false) Set<DayOfWeek> days,
			@RequestParam String targets, @RequestParam(required = false) List<String> bands,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String rankBy, @RequestParam(required = false) String ssn) {
		return finder.find(ClearChannelFinder.Query.parse(site, transmitter, start, stop, days, targets, bands,
				Period.of(from, to, clock), rankBy, ssn));
	}

}
