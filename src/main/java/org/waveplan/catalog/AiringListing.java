package org.waveplan.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waveplan.shared.ProblemException;

/** The planned airings as the API and the program pages list them, with how each one's episode fits. */
@Service
class AiringListing {

	private final AiringRepository airings;

	private final CatalogProperties settings;

	private final Clock clock;

	private final RenderedAirings rendered;

	AiringListing(AiringRepository airings, CatalogProperties settings, Clock clock, RenderedAirings rendered) {
		this.airings = airings;
		this.settings = settings;
		this.clock = clock;
		this.rendered = rendered;
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

	/**
	 * Airings on the air between the dates, each filter optional.
	 * @param from default today
	 * @param to default the end of the planning horizon
	 */
	@Transactional(readOnly = true)
	List<AiringView> list(String site, String program, LocalDate from, LocalDate to) {
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

}
