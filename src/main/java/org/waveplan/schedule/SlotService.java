package org.waveplan.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;
import org.waveplan.schedule.FieldErrors.Place;
import org.waveplan.shared.ProblemException;

/**
 * Every change to our schedule goes through here: the request is resolved and checked on its own,
 * then against everything near it in the database; a hard conflict refuses it, collisions are
 * reported with the stored slot.
 */
@Service
class SlotService {

	private final SiteRepository sites;

	private final TransmitterRepository transmitters;

	private final AntennaRepository antennas;

	private final SlotRepository slots;

	private final ExternalEntryRepository externals;

	private final SlotValidator validator;

	private final ApplicationEventPublisher events;

	private final SlotReach reach;

	private final Clock clock;

	private final TransactionTemplate writing;

	private final TransactionTemplate readOnly;

	SlotService(SiteRepository sites, TransmitterRepository transmitters, AntennaRepository antennas,
			SlotRepository slots, ExternalEntryRepository externals, SlotValidator validator,
			ApplicationEventPublisher events, SlotReach reach, Clock clock, PlatformTransactionManager transactions) {
		this.reach = reach;
		this.sites = sites;
		this.transmitters = transmitters;
		this.antennas = antennas;
		this.slots = slots;
		this.externals = externals;
		this.validator = validator;
		this.events = events;
		this.clock = clock;
		this.writing = new TransactionTemplate(transactions);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/** A slot's view without its reach, and what the reach is predicted from, once the transaction is over. */
	private record Stored(SlotView view, SlotReach.Asked asked) {

		static Stored of(Long id, SlotPlan plan, List<Conflict> collisions) {
			return new Stored(SlotView.of(id, plan, collisions, null), SlotReach.Asked.of(plan, id == null ? 0 : id));
		}

		SlotView view(SlotReach reach) {
			return view.withReach(reach.of(asked));
		}

	}

	// the database's part in a transaction; the reach, an engine's seconds, after it, holding no connection
	private SlotView reached(TransactionTemplate transaction, TransactionCallback<Stored> work) {
		return transaction.execute(work).view(reach);
	}

	SlotView create(SlotRequest request) {
		return reached(writing, status -> {
			SlotPlan plan = resolve(request);
			List<Conflict> collisions = checked(plan, 0);
			Slot slot = slots.save(new Slot(plan));
			changed(plan.program());
			return Stored.of(slot.getId(), plan, renumbered(collisions, slot.getId()));
		});
	}

	/**
	 * The answer {@link #create} would give, less the id, with nothing stored and nothing announced:
	 * what the engineer sees while typing. Takes no lock, as nothing is written.
	 */
	SlotView check(SlotRequest request) {
		return check(0, request);
	}

	/** The answer {@link #update} of slot {@code id} would give (0: a new slot), the slot not clashing with itself. */
	SlotView check(long id, SlotRequest request) {
		return reached(readOnly, status -> {
			SlotPlan plan = resolve(request);
			return Stored.of(null, plan, conflicts(plan, id));
		});
	}

	SlotView update(long id, SlotRequest request) {
		return reached(writing, status -> {
			Slot slot = slots.findWithTransmitter(id).orElseThrow(() -> ProblemException.notFound("no slot " + id));
			SlotPlan plan = resolve(request);
			List<Conflict> collisions = checked(plan, id);
			changed(slot.getProgram(), plan.program());
			slot.apply(plan);
			Slot saved = slots.saveAndFlush(slot);
			return Stored.of(saved.getId(), plan, collisions);
		});
	}

	@Transactional
	void delete(long id) {
		Slot slot = slots.findById(id).orElseThrow(() -> ProblemException.notFound("no slot " + id));
		slots.delete(slot);
		changed(slot.getProgram());
	}

	/** The slot with its reach at its targets. */
	SlotView get(long id) {
		return reached(readOnly, status -> {
			Slot slot = slots.findWithTransmitter(id).orElseThrow(() -> ProblemException.notFound("no slot " + id));
			return Stored.of(slot.getId(), slot.plan(), List.of());
		});
	}

	/** The slot as stored, without its reach: for whoever does not show it (an edit form), no prediction. */
	@Transactional(readOnly = true)
	SlotView withoutReach(long id) {
		Slot slot = slots.findWithTransmitter(id).orElseThrow(() -> ProblemException.notFound("no slot " + id));
		return SlotView.of(slot, List.of(), null);
	}

	@Transactional(readOnly = true)
	List<SlotView> list(LocalDate from, LocalDate to, String site) {
		List<Slot> found = site == null ? slots.findActive(from, to) : slots.findActiveAtSite(from, to, site);
		return found.stream().map(s -> SlotView.of(s, List.of(), null)).toList();
	}

	private void changed(String... programs) {
		events.publishEvent(new SlotsChanged(Arrays.stream(programs).filter(Objects::nonNull).collect(Collectors.toSet())));
	}

	/** {@link #conflicts}, with the transmitter and antenna locked until the change commits. */
	private List<Conflict> checked(SlotPlan plan, long slotId) {
		// serialise bookings of one transmitter (and antenna) across concurrent requests
		transmitters.lock(plan.transmitter().getId());
		if (plan.antenna() != null) {
			antennas.lock(plan.antenna().getId());
		}
		return conflicts(plan, slotId);
	}

	/** Refuses the plan on a hard conflict; otherwise answers its collisions. */
	private List<Conflict> conflicts(SlotPlan plan, long slotId) {
		List<Conflict> conflicts = SlotValidator.conflicts(engineNear(plan), plan, slotId);
		List<Conflict> hard = conflicts.stream().filter(Conflict::hard).toList();
		if (!hard.isEmpty()) {
			throw new ProblemException(HttpStatus.CONFLICT, "schedule-conflict", "Schedule conflict",
					hard.size() + " hard conflict(s): " + hard.get(0).reason()).with("conflicts", hard);
		}
		return conflicts;
	}

	// only what could clash: same transmitter or antenna, or a frequency within adjacent reach
	private CollisionEngine engineNear(SlotPlan plan) {
		BroadcastTime time = plan.time();
		LocalDate from = time.validFrom().minusDays(1);
		LocalDate to = time.validTo().plusDays(1);
		int reach = CollisionEngine.REACH_KHZ;
		List<Emission> own = slots.findNear(from, to, plan.transmitter().getId(),
				plan.antenna() == null ? -1L : plan.antenna().getId(), plan.frequencyKhz() - reach,
				plan.frequencyKhz() + reach)
			.stream()
			.map(Slot::emission)
			.toList();
		List<Emission> external = externals.findNear(from, to, plan.frequencyKhz() - reach, plan.frequencyKhz() + reach)
			.stream()
			.map(ExternalEntry::emission)
			.toList();
		return new CollisionEngine(own, external);
	}

	private static List<Conflict> renumbered(List<Conflict> conflicts, long slotId) {
		return conflicts.stream()
			.map(c -> new Conflict(c.type(), slotId, c.otherSlotId(), c.externalId(), c.reason()))
			.toList();
	}

	/** Turns a request into a plan, or refuses it naming every field that is wrong. */
	SlotPlan resolve(SlotRequest request) {
		FieldErrors errors = new FieldErrors();
		Site site = sites.findByCode(request.site()).orElse(null);
		if (site == null) {
			errors.add("site", "no site '" + request.site() + "'");
		}
		Transmitter transmitter = site == null ? null
				: transmitters.findBySiteAndName(site.getCode(), request.transmitter()).orElse(null);
		if (site != null && transmitter == null) {
			errors.add("transmitter", "no transmitter '" + request.transmitter() + "' at " + site.getCode());
		}
		Antenna antenna = site == null || request.antenna() == null ? null
				: SlotValidator.antenna(site, request.antenna(), Place.REQUEST, errors);
		int start = errors.minutes("start", request.start());
		int stop = errors.minutes("stop", request.stop());
		Weekdays days = request.days() == null ? Weekdays.DAILY : null;
		if (days == null && request.days().isEmpty()) {
			errors.add("days", "at least one day of the week is needed");
		}
		else if (days == null) {
			days = Weekdays.of(request.days());
		}
		Season season = Season.containing(request.validFrom() != null ? request.validFrom() : LocalDate.now(clock));
		LocalDate validFrom = request.validFrom() != null ? request.validFrom() : season.firstDay();
		LocalDate validTo = request.validTo() != null ? request.validTo() : season.lastDay();
		BroadcastTime time = days == null ? null
				: SlotValidator.time(start, stop, days, validFrom, validTo, Place.REQUEST, errors);
		CirafZones targets = errors.zones("targets", request.targets());
		validator.program(request.program(), Place.REQUEST, errors);
		if (site != null) {
			SlotValidator.frequency(site, request.frequencyKhz(), request.outOfBand(), Place.REQUEST, errors);
		}
		errors.throwIfAny();
		return new SlotPlan(transmitter, antenna, request.frequencyKhz(), time, targets, request.azimuth(),
				request.powerKw(), request.language(), request.outOfBand(), request.program());
	}

}
