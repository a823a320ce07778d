package org.waveplan.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The planned airings, read-only, for the modules downstream of the catalog. */
@Service
@Transactional(readOnly = true)
public class AiringBook {

	private final AiringRepository airings;

	private final OriginalStore originals;

	AiringBook(AiringRepository airings, OriginalStore originals) {
		this.airings = airings;
		this.originals = originals;
	}

	/** Airings not yet on the air: those that start after {@code now}. */
	public List<PlannedAiring> startingAfter(Instant now) {
		return airings.startingAfter(now).stream().map(this::view).toList();
	}

	/** The site's airings on the air at some time between {@code from} and {@code to}. */
	public List<PlannedAiring> onAirBetween(Instant from, Instant to, String site) {
		return airings.find(from, to, site, null).stream().map(this::view).toList();
	}

	public Optional<PlannedAiring> find(long id) {
		return airings.findWithEpisode(id).map(this::view);
	}

	private PlannedAiring view(Airing a) {
		Episode e = a.getEpisode();
		PlannedAiring.Source source = e == null ? null
				: new PlannedAiring.Source(e.getId(), e.getTitle(), e.getSha256(), originals.object(e.getSha256()),
						e.loudness(), e.duration());
		return new PlannedAiring(a.getId(), a.getProgram(), a.getSite(), a.getTransmitter(), a.getFrequencyKhz(),
				a.getBroadcastDate(), a.getStartsAt(), a.getStopsAt(), source);
	}

}
