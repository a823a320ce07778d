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

	record Loaded(List<Slot> slots, List<Emission> external, CollisionEngine engine) {
	}

	@Transactional(readOnly = true)
	Loaded load(Period period) {
		return loaded(period, externals.findActive(period.from().minusDays(1), period.to().plusDays(1)));
	}

	/**
	 * Our whole schedule, which any of our slots may share a transmitter or antenna with, but only the external
	 * entries between the two frequencies: the thousands elsewhere cannot collide with anything there.
	 */
	@Transactional(readOnly = true)
	Loaded loadNear(Period period, double lowKhz, double highKhz) {
		return loaded(period, externals.findNear(period.from().minusDays(1), period.to().plusDays(1), lowKhz, highKhz));
	}

	// airings crossing midnight reach one day past their range: both queries take a day more on either side
	private Loaded loaded(Period period, List<ExternalEntry> entries) {
		List<Slot> own = slots.findActive(period.from().minusDays(1), period.to().plusDays(1));
		List<Emission> external = entries.stream().map(ExternalEntry::emission).toList();
		return new Loaded(own, external, new CollisionEngine(own.stream().map(Slot::emission).toList(), external));
	}

}
