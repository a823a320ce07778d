package org.waveplan.schedule;

import java.time.Clock;
import java.time.LocalDate;
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

	private final ConflictCounts conflicts;

	private final ScheduleProperties settings;

	private final SlotReach reach;

	private final Clock clock;

	ConflictController(ConflictCounts conflicts, ScheduleProperties settings, SlotReach reach, Clock clock) {
		this.reach = reach;
		this.clock = clock;
		this.conflicts = conflicts;
		this.settings = settings;
	}

	/**
	 * @param weak slots whose targets' median test point hears them under half their air time in their dates' middle
	 * month
	 * @param notChecked months without a sunspot number, whose slots were not checked for reach, and the slots not
	 * predicted yet
	 */
	record Answer(LocalDate from, LocalDate to, int slots, int hardCount, int collisionCount, List<Conflict> hard,
			List<Conflict> collisions, int weakCount, List<SlotReach.Finding> weak, List<String> notChecked) {
	}

	@GetMapping
	Answer check(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		ConflictCounts.Checked checked = conflicts.check(Period.of(from, to, clock));
		Period period = checked.period();
		List<Conflict> hard = checked.hard();
		ConflictReport report = checked.report();
		ScheduleSnapshot.Loaded loaded = checked.loaded();
		int limit = settings.reportLimit();
		SlotReach.WeakSlots weak = reach.weak(loaded.slots(), settings.reachBudget());
		return new Answer(period.from(), period.to(), loaded.slots().size(), hard.size(), report.collisions().size(),
				hard.subList(0, Math.min(limit, hard.size())),
				report.collisions().subList(0, Math.min(limit, report.collisions().size())), weak.weak().size(),
				weak.weak().subList(0, Math.min(limit, weak.weak().size())), weak.notChecked());
	}

}
