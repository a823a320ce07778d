package org.waveplan.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waveplan.shared.ProblemException;

@RestController
@RequestMapping("/api/airings")
class AiringController {

	private final AiringRepository airings;

	private final AiringPlanner planner;

	private final CatalogProperties settings;

	private final Clock clock;

	private final RenderedAirings rendered;

	AiringController(AiringRepository airings, AiringPlanner planner, CatalogProperties settings, Clock clock,
			RenderedAirings rendered) {
		this.rendered = rendered;
		this.airings = airings;
		this.planner = planner;
		this.settings = settings;
		this.clock = clock;
	}

	record AiringView(long id, long slotId, String program, String site, String transmitter, int frequencyKhz,
			LocalDate broadcastDate, Instant startsAt, Instant stopsAt, Long episodeId, String episodeTitle,
			Airing.Fit fit, int fitSeconds, boolean rendered) {

		static AiringView of(Airing a, Set<Long> rendered) {
			return new AiringView(a.getId(), a.getSlotId(), a.getProgram(), a.getSite(), a.getTransmitter(),
					a.getFrequencyKhz(), a.getBroadcastDate(), a.getStartsAt(), a.getStopsAt(),
					a.getEpisode() == null ? null : a.getEpisode().getId(),
					a.getEpisode() == null ? null : a.getEpisode().getTitle(), a.getFit(), a.getFitSeconds(),
					rendered.contains(a.getId()));
		}

	}

	/** Airings on the air between the dates (default: today to the end of the planning horizon). */
	@GetMapping
	List<AiringView> list(@RequestParam(required = false) String site, @RequestParam(required = false) String program,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		LocalDate first = from != null ? from : LocalDate.now(clock);
		LocalDate last = to != null ? to : first.plusDays(settings.horizonDays());
		if (last.isBefore(first)) {
			throw ProblemException.invalid("to", "'to' " + last + " is before 'from' " + first);
		}
		List<Airing> found = airings.find(first.atStartOfDay(ZoneOffset.UTC).toInstant(),
				last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), site, program);
		Set<Long> done = rendered.renderedAmong(found.stream().map(Airing::getId).toList());
		return found.stream().map(a -> AiringView.of(a, done)).toList();
	}

	/** Plans now, as the hourly job does; answers what it did. */
	@PostMapping("/plan")
	AiringPlanner.Report plan() {
		return planner.plan();
	}

}
