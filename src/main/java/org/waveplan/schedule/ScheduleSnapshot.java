package org.waveplan.schedule;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads the whole schedule of a period, ours and external, into a collision engine. */
@Component
class ScheduleSnapshot {

	private final SlotRepository slots;

	private final ExternalEntryRepository externals;

	ScheduleSnapshot(SlotRepository slots, ExternalEntryRepository externals) {
		this.slots = slots;
		this.externals = externals;
	}

	record Loaded(List<Slot> slots, CollisionEngine engine) {
	}

	@Transactional(readOnly = true)
	Loaded load(Period period) {
		// airings crossing midnight reach one day past their range
		List<Slot> own = slots.findActive(period.from().minusDays(1), period.to().plusDays(1));
		List<Emission> external = externals.findActive(period.from().minusDays(1), period.to().plusDays(1))
			.stream()
			.map(ExternalEntry::emission)
			.toList();
		return new Loaded(own, new CollisionEngine(own.stream().map(Slot::emission).toList(), external));
	}

}
