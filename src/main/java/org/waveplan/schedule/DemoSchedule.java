package org.waveplan.schedule;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo profile loads the sample schedule into an empty database, in the season in force. */
@Component
@Profile("demo")
@Order(10)
class DemoSchedule implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSchedule.class);

	private final ScheduleImporter importer;

	private final SlotRepository slots;

	private final ScheduleProperties settings;

	private final Clock clock;

	DemoSchedule(ScheduleImporter importer, SlotRepository slots, ScheduleProperties settings, Clock clock) {
		this.clock = clock;
		this.importer = importer;
		this.slots = slots;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (settings.demoSchedule() == null || !settings.demoSchedule().exists() || slots.count() > 0) {
			return;
		}
		try (Reader in = new InputStreamReader(settings.demoSchedule().getInputStream(), StandardCharsets.UTF_8)) {
			ScheduleImporter.Result result = importer.importFile(ScheduleImporter.Format.WAVEPLAN,
					ScheduleImporter.Scope.OWN, Season.containing(LocalDate.now(clock)), false, false, in);
			log.info("Demo schedule {}: {} slots, {} collisions", settings.demoSchedule().getDescription(),
					result.imported(), result.collisions());
		}
	}

}
