package org.waveplan.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.waveplan.schedule.ProgramSlot;
import org.waveplan.schedule.ProgramSlots;
import org.waveplan.schedule.SlotsChanged;
import org.waveplan.shared.CoalescedRuns;

/**
 * Turns slots and queues into airings for the coming days. Each broadcast day a program airs one
 * episode on all its slots (premiere and repeats): the one pinned to the day, else the next in its
 * queue. A day that has begun on air keeps its episode and uses up its queue entry; a rendered day
 * keeps its episode unless a producer pins another one to it. Running it again changes nothing.
 */
@Service
class AiringPlanner {

	private static final Logger log = LoggerFactory.getLogger(AiringPlanner.class);

	private final ProgramSlots slots;

	private final AiringRepository airings;

	private final ProgramRepository programs;

	private final QueueRepository queue;

	private final CatalogProperties settings;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final RenderedAirings rendered;

	private final ApplicationEventPublisher events;

	// one run at a time in this instance; the unique (slot, start) key guards across instances
	private final ReentrantLock running = new ReentrantLock();

	// a burst of changes plans once more, not once each
	private final CoalescedRuns replans = new CoalescedRuns(this::plan);

	AiringPlanner(ProgramSlots slots, AiringRepository airings, ProgramRepository programs, QueueRepository queue,
			CatalogProperties settings, Clock clock, PlatformTransactionManager transactions, RenderedAirings rendered,
			ApplicationEventPublisher events) {
		this.slots = slots;
		this.airings = airings;
		this.programs = programs;
		this.queue = queue;
		this.settings = settings;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.rendered = rendered;
		this.events = events;
	}

	/** What a run did: airings made, removed, and those still without an episode. */
	record Report(int created, int removed, int total, int unassigned) {
	}

	// durable (event publication registry), after the change commits, on another thread; the planner takes its own
	// transactions, so a handler waiting for its turn holds no connection. The id is stored with each publication:
	// it stays when the class is renamed or split, so what a killed instance left still finds its handler
	@ApplicationModuleListener(id = "catalog.airing-planner.slots-changed", propagation = Propagation.NOT_SUPPORTED)
	void on(SlotsChanged event) {
		replans.request();
	}

	@ApplicationModuleListener(id = "catalog.airing-planner.queue-changed", propagation = Propagation.NOT_SUPPORTED)
	void on(QueueChanged event) {
		replans.request();
	}

	Report plan() {
		running.lock();
		Report report;
		try {
			report = transaction.execute(status -> {
				Report made = planAt(clock.instant());
				// stored with the run and heard after its commit, even if this instance dies in between
				events.publishEvent(new AiringsChanged());
				return made;
			});
		}
		finally {
			running.unlock();
		}
		return report;
	}

	private Report planAt(Instant now) {
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		LocalDate end = today.plusDays(settings.horizonDays());
		Map<String, Expected> expected = new HashMap<>();
		for (ProgramSlot slot : slots.between(today, end.minusDays(1))) {
			for (LocalDate day = today; day.isBefore(end); day = day.plusDays(1)) {
				LocalDate broadcastDay = day;
				slot.time().airingOn(day).ifPresent(startsAt -> expected.put(key(slot.slotId(), startsAt),
						new Expected(slot, broadcastDay, startsAt)));
			}
		}
		List<Airing> current = new ArrayList<>();
		int removed = 0;
		for (Airing airing : airings.fromDay(today)) {
			Expected wanted = expected.remove(key(airing.getSlotId(), airing.getStartsAt()));
			if (wanted != null) {
				airing.follow(wanted.slot());
				current.add(airing);
			}
			else if (!airing.startedBy(now)) {
				// its slot moved, changed program or is gone
				airings.delete(airing);
				removed++;
			}
		}
		// nothing is planned into the past
		List<Airing> created = expected.values()
			.stream()
			.filter(e -> e.startsAt().isAfter(now))
			.map(e -> new Airing(e.slot(), e.day(), e.startsAt()))
			.toList();
		current.addAll(airings.saveAll(created));
		Map<String, List<Airing>> byProgram = current.stream().collect(Collectors.groupingBy(Airing::getProgram));
		Set<Long> renderedIds = rendered.renderedAmong(current.stream().map(Airing::getId).toList());
		byProgram.forEach((slug, list) -> assign(slug, list, renderedIds, now));
		int unassigned = (int) current.stream().filter(a -> a.getEpisode() == null).count();
		if (unassigned > 0) {
			log.warn("{} airing(s) in the next {} days have no episode: their programs' queues are empty", unassigned,
					settings.horizonDays());
		}
		return new Report(created.size(), removed, current.size(), unassigned);
	}

	private void assign(String slug, List<Airing> programAirings, Set<Long> renderedIds, Instant now) {
		Program program = programs.findBySlug(slug).orElse(null);
		if (program == null) {
			return;
		}
		TreeMap<LocalDate, List<Airing>> days = new TreeMap<>(
				programAirings.stream().collect(Collectors.groupingBy(Airing::getBroadcastDate)));
		List<QueueEntry> waiting = new ArrayList<>(queue.waiting(program));
		// an entry whose day has begun on air has aired, even if the planner did not run that day
		Map<Long, QueueEntry> byId = waiting.stream().collect(Collectors.toMap(QueueEntry::getId, q -> q));
		for (Airing begun : airings.begunWith(List.copyOf(byId.keySet()), now)) {
			QueueEntry entry = byId.remove(begun.getQueueEntryId());
			if (entry != null) {
				waiting.remove(entry);
				entry.aired(begun.getBroadcastDate());
			}
		}
		Map<LocalDate, QueueEntry> pins = new HashMap<>();
		waiting.stream().filter(q -> q.getPinnedDate() != null).forEach(q -> pins.putIfAbsent(q.getPinnedDate(), q));

		// first the days whose episode is settled, so that the queue skips their entries
		Map<LocalDate, QueueEntry> settled = new HashMap<>();
		Set<LocalDate> begun = new HashSet<>();
		Set<Long> reserved = new HashSet<>();
		for (Map.Entry<LocalDate, List<Airing>> day : days.entrySet()) {
			Airing first = day.getValue().stream().min((a, b) -> a.getStartsAt().compareTo(b.getStartsAt())).orElseThrow();
			QueueEntry held = first.getQueueEntryId() == null ? null : byId.get(first.getQueueEntryId());
			if (day.getValue().stream().anyMatch(a -> a.startedBy(now))) {
				begun.add(day.getKey());
			}
			else if (pins.containsKey(day.getKey())) {
				settled.put(day.getKey(), pins.get(day.getKey()));
			}
			else if (held != null && day.getValue().stream().anyMatch(a -> renderedIds.contains(a.getId()))) {
				settled.put(day.getKey(), held);
				reserved.add(held.getId());
			}
		}
		Iterator<QueueEntry> next = waiting.stream()
			.filter(q -> q.getPinnedDate() == null && !reserved.contains(q.getId()))
			.iterator();
		for (Map.Entry<LocalDate, List<Airing>> day : days.entrySet()) {
			if (begun.contains(day.getKey())) {
				// a day on air keeps its episode; a slot added to it later gets the same
				Airing first = day.getValue().stream().filter(a -> a.startedBy(now)).findFirst().orElseThrow();
				day.getValue().stream().filter(a -> !a.startedBy(now))
					.forEach(a -> a.carry(first.getEpisode(), first.getQueueEntryId()));
				continue;
			}
			QueueEntry entry = settled.containsKey(day.getKey()) ? settled.get(day.getKey())
					: next.hasNext() ? next.next() : null;
			for (Airing airing : day.getValue()) {
				airing.carry(entry == null ? null : entry.getEpisode(), entry == null ? null : entry.getId());
			}
		}
	}

	private static String key(long slotId, Instant startsAt) {
		return slotId + "@" + startsAt;
	}

	private record Expected(ProgramSlot slot, LocalDate day, Instant startsAt) {
	}

}
