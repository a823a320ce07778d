package org.waveplan.schedule;

import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waveplan.schedule.ScheduleImporter.Format;
import org.waveplan.shared.ProblemException;

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

	/** A file to download: its name, type and text. */
	record File(String name, MediaType type, String body) {

		ResponseEntity<String> download() {
			return ResponseEntity.ok()
				.contentType(type)
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
				.body(body);
		}

	}

	/** The season's schedule in the format: HFCC (Latin-1) or Waveplan's YAML (UTF-8). */
	@Transactional(readOnly = true)
	File export(Format format, Season season) {
		return switch (format) {
			case HFCC -> new File(season.name() + "all00.TXT", new MediaType("text", "plain", format.charset()),
					hfcc(season));
			case WAVEPLAN -> new File("waveplan-" + season.name() + ".yaml",
					new MediaType("application", "yaml", format.charset()), waveplan(season));
			case EIBI -> throw ProblemException.invalid("format", "export is to hfcc or waveplan");
		};
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
