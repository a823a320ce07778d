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
		return checked(period, snapshot.load(period));
	}

	/**
	 * The same check, with only the external entries in collision reach of a frequency range: every conflict of a
	 * slot in the range, and those of our slots elsewhere with each other.
	 */
	Checked checkNear(Period period, int lowKhz, int highKhz) {
		return checked(period, snapshot.loadNear(period, lowKhz - CollisionEngine.REACH_KHZ,
				highKhz + CollisionEngine.REACH_KHZ));
	}

	private static Checked checked(Period period, ScheduleSnapshot.Loaded loaded) {
		ConflictReport report = loaded.engine().checkAll();
		List<Conflict> hard = new ArrayList<>(report.hard());
		for (Slot slot : loaded.slots()) {
			// the engine knows transmitter ranges; antenna ranges are checked here
			SlotValidator.antennaConflict(slot.plan(), slot.getId()).ifPresent(hard::add);
		}
		return new Checked(period, loaded, hard, report);
	}

}
