package org.waveplan.pipeline;

import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.waveplan.schedule.SiteDirectory;

/**
 * The demo profile's delivery profiles, one preset each, for the sites of {@code schedules/demo.yaml} once the
 * demo schedule has made them. Their lead time puts the next day's airings due at once, so renders run within
 * minutes of the first start. A site that has a profile already keeps it.
 */
@Component
@Profile("demo")
@Order(20)
class DemoProfiles implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoProfiles.class);

	private static final Duration LEAD_TIME = Duration.ofDays(1);

	private static final Map<String, DeliveryProfileController.ProfileRequest> PROFILES = Map.of(
			// shortwave: mono, band-limited, MP3 as most site players take it
			"TAC", new DeliveryProfileController.ProfileRequest("MP3", 64, 22_050, 1, null, null, LEAD_TIME, "am-sw"),
			"TIN", new DeliveryProfileController.ProfileRequest("AAC_M4A", 48, 24_000, 1, null, null, LEAD_TIME, "mw"),
			// a site with its own processing takes full-band stereo, loudness-normalized only
			"KRA", new DeliveryProfileController.ProfileRequest("FLAC", null, 44_100, 2, null, null, LEAD_TIME, "none"));

	private final DeliveryProfiles profiles;

	private final SiteDirectory sites;

	DemoProfiles(DeliveryProfiles profiles, SiteDirectory sites) {
		this.profiles = profiles;
		this.sites = sites;
	}

	@Override
	public void run(ApplicationArguments args) {
		PROFILES.forEach((site, request) -> {
			if (sites.exists(site) && profiles.of(site).isEmpty()) {
				// the API's own rules, and the planner hears of it
				profiles.put(site, request);
				log.info("Demo delivery profile for {}: {} {}", site, request.preset(), request.codec());
			}
		});
	}

}
