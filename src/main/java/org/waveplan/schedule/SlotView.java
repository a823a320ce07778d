package org.waveplan.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A slot as the API shows it, with the collisions it has (warnings; hard conflicts are never
 * stored). A slot only checked, not stored, has no id. A slot answered alone has its reach at its targets
 * (a weak one says so); slots listed have none.
 */
record SlotView(@JsonInclude(JsonInclude.Include.NON_NULL) Long id, String site, String transmitter, String antenna, int frequencyKhz, String band, String start,
		String stop, Set<DayOfWeek> days, LocalDate validFrom, LocalDate validTo, String targets, Integer azimuth,
		Integer powerKw, String language, boolean outOfBand, String program, List<Conflict> collisions,
		@JsonInclude(JsonInclude.Include.NON_NULL) SlotReach.Reach reach) {

	SlotView withReach(SlotReach.Reach reach) {
		return new SlotView(id, site, transmitter, antenna, frequencyKhz, band, start, stop, days, validFrom, validTo,
				targets, azimuth, powerKw, language, outOfBand, program, collisions, reach);
	}

	static SlotView of(Slot slot, List<Conflict> collisions, SlotReach.Reach reach) {
		return of(slot.getId(), slot.plan(), collisions, reach);
	}

	static SlotView of(Long id, SlotPlan plan, List<Conflict> collisions, SlotReach.Reach reach) {
		Site site = plan.transmitter().getSite();
		String band = BandPlan.band(site.getItuRegion(), plan.frequencyKhz()).map(FrequencyBand::name).orElse(null);
		return new SlotView(id, site.getCode(), plan.transmitter().getName(),
				plan.antenna() == null ? null : plan.antenna().getName(), plan.frequencyKhz(), band,
				HourMinute.format(plan.time().start()), HourMinute.format(plan.time().stop()), plan.time().days().days(),
				plan.time().validFrom(), plan.time().validTo(), plan.targets().expression(), plan.azimuth(),
				plan.powerKw(), plan.language(), plan.outOfBand(), plan.program(), collisions, reach);
	}

}
