package org.waveplan.schedule;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Our schedule of a season as a file: HFCC for coordination, Waveplan's YAML for people. */
@Service
class ScheduleExporter {

	private final SiteRepository sites;

	private final SlotRepository slots;

	private final ScheduleProperties settings;

	ScheduleExporter(SiteRepository sites, SlotRepository slots, ScheduleProperties settings) {
		this.sites = sites;
		this.slots = slots;
		this.settings = settings;
	}

	@Transactional(readOnly = true)
	String hfcc(Season season) {
		List<ScheduleEntry> entries = inSeason(season).stream().map(this::entry).toList();
		return HfccFormat.write(entries);
	}

	@Transactional(readOnly = true)
	String waveplan(Season season) {
		return WaveplanFormat.write(sites.findAllByOrderByCode(), inSeason(season));
	}

	private List<Slot> inSeason(Season season) {
		Period period = Period.of(season);
		return slots.findActive(period.from(), period.to());
	}

	private ScheduleEntry entry(Slot slot) {
		SlotPlan plan = slot.plan();
		Transmitter transmitter = plan.transmitter();
		return new ScheduleEntry(0, plan.frequencyKhz(), plan.time(), plan.targets(), transmitter.getSite().getCode(),
				plan.powerKw() != null ? plan.powerKw() : transmitter.getPowerKw(), plan.azimuth(), null,
				plan.language(), settings.administration(), settings.broadcaster(),
				transmitter.getModulation() == Transmitter.Modulation.DRM ? "N" : "D");
	}

}
