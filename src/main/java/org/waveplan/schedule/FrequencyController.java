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

	private final Clock clock;

	FrequencyController(ClearChannelFinder finder, Clock clock) {
		this.finder = finder;
		this.clock = clock;
	}

	/**
	 * Channels free for a transmitter at the given times, e.g.
	 * {@code ?site=TAC&transmitter=TX1&start=20:00&stop=22:00&targets=44&bands=41m,31m}.
	 */
	@GetMapping("/clear")
	ClearChannelFinder.Answer clear(@RequestParam String site, @RequestParam String transmitter,
			@RequestParam String start, @RequestParam String stop, @RequestParam(required = false) Set<DayOfWeek> days,
			@RequestParam String targets, @RequestParam(required = false) List<String> bands,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return finder.find(ClearChannelFinder.Query.parse(site, transmitter, start, stop, days, targets, bands,
				Period.of(from, to, clock)));
	}

}
