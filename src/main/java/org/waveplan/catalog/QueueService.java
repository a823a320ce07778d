package org.waveplan.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waveplan.shared.ProblemException;

/** A program's queue: append, move, pin to a date, remove. Positions always run 1..n. */
@Service
class QueueService {

	private final ProgramService programs;

	private final EpisodeRepository episodes;

	private final QueueRepository queue;

	private final ApplicationEventPublisher events;

	QueueService(ProgramService programs, EpisodeRepository episodes, QueueRepository queue,
			ApplicationEventPublisher events) {
		this.programs = programs;
		this.episodes = episodes;
		this.queue = queue;
		this.events = events;
	}

	/** @param position 1-based place in the queue; null appends */
	record NewEntry(@NotNull Long episodeId, @Positive Integer position, LocalDate pinnedDate) {
	}

	/** @param position new 1-based place; {@code pinnedDate} replaces the pin (null unpins) */
	record EntryChange(@Positive Integer position, LocalDate pinnedDate) {
	}

	record EntryView(long id, int position, long episodeId, String title, double durationSeconds, LocalDate pinnedDate) {

		static EntryView of(QueueEntry q) {
			return new EntryView(q.getId(), q.getPosition(), q.getEpisode().getId(), q.getEpisode().getTitle(),
					q.getEpisode().duration().toMillis() / 1000.0, q.getPinnedDate());
		}

	}

	@Transactional(readOnly = true)
	List<EntryView> list(String slug) {
		return queue.waiting(programs.find(slug)).stream().map(EntryView::of).toList();
	}

	@Transactional
	List<EntryView> add(String slug, NewEntry request, Authentication user) {
		Program program = programs.editable(slug, user);
		Episode episode = episodes.findByIdAndProgram(request.episodeId(), program)
			.orElseThrow(() -> ProblemException.invalid("episodeId",
					"no episode " + request.episodeId() + " in program '" + slug + "'"));
		List<QueueEntry> entries = new ArrayList<>(queue.waiting(program));
		QueueEntry entry = queue.save(new QueueEntry(program, episode, 0, request.pinnedDate()));
		entries.add(place(request.position(), entries.size()), entry);
		return renumbered(slug, entries);
	}

	@Transactional
	List<EntryView> change(String slug, long entryId, EntryChange request, Authentication user) {
		Program program = programs.editable(slug, user);
		QueueEntry entry = queue.findWaiting(entryId, program)
			.orElseThrow(() -> ProblemException.notFound("no entry " + entryId + " in the queue of '" + slug + "'"));
		List<QueueEntry> entries = new ArrayList<>(queue.waiting(program));
		entry.setPinnedDate(request.pinnedDate());
		if (request.position() != null) {
			entries.remove(entry);
			entries.add(place(request.position(), entries.size()), entry);
		}
		return renumbered(slug, entries);
	}

	@Transactional
	List<EntryView> remove(String slug, long entryId, Authentication user) {
		Program program = programs.editable(slug, user);
		QueueEntry entry = queue.findWaiting(entryId, program)
			.orElseThrow(() -> ProblemException.notFound("no entry " + entryId + " in the queue of '" + slug + "'"));
		List<QueueEntry> entries = new ArrayList<>(queue.waiting(program));
		entries.remove(entry);
		queue.delete(entry);
		return renumbered(slug, entries);
	}

	private List<EntryView> renumbered(String slug, List<QueueEntry> entries) {
		for (int i = 0; i < entries.size(); i++) {
			entries.get(i).setPosition(i + 1);
		}
		events.publishEvent(new QueueChanged(slug));
		return entries.stream().map(EntryView::of).toList();
	}

	// a 1-based position past the end appends
	private static int place(Integer position, int size) {
		return position == null ? size : Math.min(position - 1, size);
	}

}
