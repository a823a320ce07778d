package org.waveplan.catalog;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Episodes, read-only, for the modules that package them for people rather than for sites. */
@Service
@Transactional(readOnly = true)
public class EpisodeShelf {

	private final EpisodeRepository episodes;

	private final ProgramRepository programs;

	private final AiringRepository airings;

	private final OriginalStore originals;

	EpisodeShelf(EpisodeRepository episodes, ProgramRepository programs, AiringRepository airings,
			OriginalStore originals) {
		this.episodes = episodes;
		this.programs = programs;
		this.airings = airings;
		this.originals = originals;
	}

	/** The episodes with these ids that exist, by id. */
	public Map<Long, ShelvedEpisode> find(Collection<Long> ids) {
		return episodes.findAllById(ids).stream().collect(Collectors.toMap(Episode::getId, this::view));
	}

	/** Of these program slugs, those that name no program. */
	public Set<String> unknownPrograms(Collection<String> slugs) {
		return slugs.stream().filter(slug -> !programs.existsBySlug(slug)).collect(Collectors.toCollection(TreeSet::new));
	}

	/**
	 * The episodes of the programs that air or are planned to air on a day from {@code from} to {@code to}
	 * (inclusive): the planner puts every queued episode on a coming airing. Each once, in the order of its first
	 * airing.
	 */
	public List<ShelvedEpisode> airedBetween(Collection<String> programSlugs, LocalDate from, LocalDate to) {
		Map<Long, ShelvedEpisode> found = new LinkedHashMap<>();
		for (Airing airing : airings.onDays(programSlugs, from, to)) {
			Episode episode = airing.getEpisode();
			if (episode != null) {
				found.computeIfAbsent(episode.getId(), id -> view(episode));
			}
		}
		return List.copyOf(found.values());
	}

	private ShelvedEpisode view(Episode e) {
		return new ShelvedEpisode(e.getId(), e.getProgram().getSlug(), e.getProgram().getTitle(), e.getTitle(),
				new PlannedAiring.Source(e.getId(), e.getTitle(), e.getSha256(), originals.object(e.getSha256()),
						e.loudness(), e.duration()));
	}

}
