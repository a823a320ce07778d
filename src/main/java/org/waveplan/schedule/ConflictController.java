package org.waveplan.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The whole schedule of a period checked at once: hard conflicts and collisions. */
@RestController
@RequestMapping("/api/conflicts")
class ConflictController {

	private final ScheduleSnapshot snapshot;

	private final ScheduleProperties settings;

	private final Clock clock;

	ConflictController(ScheduleSnapshot snapshot, ScheduleProperties settings, Clock clock) {
		this.clock = clock;
		this.snapshot = snapshot;
		this.settings = settings;
	}

	record Answer(LocalDate from, LocalDate to, int slots, int hardCount, int collisionCount, List<Conflict> hard,
			List<Conflict> collisions) {
	}

	@GetMapping
	Answer check(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		Period period = Period.of(from, to, clock);
		ScheduleSnapshot.Loaded loaded = snapshot.load(period);
		ConflictReport report = loaded.engine().checkAll();
		List<Conflict> hard = new ArrayList<>(report.hard());
		for (Slot slot : loaded.slots()) {
			// the engine knows transmitter ranges; antenna ranges are checked here
			SlotValidator.antennaConflict(slot.plan(), slot.getId()).ifPresent(hard::add);
		}
		int limit = settings.reportLimit();
		return new Answer(period.from(), period.to(), loaded.slots().size(), hard.size(), report.collisions().size(),
				hard.subList(0, Math.min(limit, hard.size())),
				report.collisions().subList(0, Math.min(limit, report.collisions().size())));
	}

}
