package org.waveplan.schedule;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The whole schedule of a period checked at once; the API lists the conflicts, the web UI counts them. */
@Service
public class ConflictCounts {

	private final ScheduleSnapshot snapshot;

	private final Clock clock;

	ConflictCounts(ScheduleSnapshot snapshot, Clock clock) {
		this.snapshot = snapshot;
		this.clock = clock;
	}

	/** How many hard conflicts and collisions the schedule in force from today has. */
	public record Counts(int hard, int collisions) {

		public int total() {
			return hard + collisions;
		}

	}

	@Transactional(readOnly = true)
	public Counts now() {
		Checked checked = check(Period.of(null, null, clock));
		return new Counts(checked.hard().size(), checked.report().collisions().size());
	}

	record Checked(Period period, ScheduleSnapshot.Loaded loaded, List<Conflict> hard, ConflictReport report) {
	}

	Checked check(Period period) {
		ScheduleSnapshot.Loaded loaded = snapshot.load(period);
		ConflictReport report = loaded.engine().checkAll();
		List<Conflict> hard = new ArrayList<>(report.hard());
		for (Slot slot : loaded.slots()) {
			// the engine knows transmitter ranges; antenna ranges are checked here
			SlotValidator.antennaConflict(slot.plan(), slot.getId()).ifPresent(hard::add);
		}
		return new Checked(period, loaded, hard, report);
	}

}
