package org.waveplan.pipeline;

import java.time.Duration;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waveplan.audio.Codec;
import org.waveplan.audio.Preset;
import org.waveplan.pipeline.DeliveryProfileController.ProfileRequest;
import org.waveplan.schedule.SiteDirectory;
import org.waveplan.shared.Choices;
import org.waveplan.shared.ProblemException;

/** Sites' delivery profiles and their rules, whoever sets them: the API, the demo and the site's page. */
@Service
class DeliveryProfiles {

	private final DeliveryProfileRepository profiles;

	private final SiteDirectory sites;

	private final ApplicationEventPublisher events;

	DeliveryProfiles(DeliveryProfileRepository profiles, SiteDirectory sites, ApplicationEventPublisher events) {
		this.profiles = profiles;
		this.sites = sites;
		this.events = events;
	}

	/** The site's profile, if it has one; a site that does not exist is a 404. */
	Optional<DeliveryProfile> of(String site) {
		known(site);
		return profiles.findBySite(site);
	}

	/** Sets the site's profile; the planner hears of it ({@link ProfileChanged}). */
	@Transactional
	DeliveryProfile put(String code, ProfileRequest request) {
		// the request is checked on its own first: a bad one costs no database lookup
		DeliveryProfileSpec spec = spec(request);
		known(code);
		DeliveryProfile profile = profiles.findBySite(code).orElseGet(() -> new DeliveryProfile(code));
		profile.apply(spec);
		events.publishEvent(new ProfileChanged(code));
		return profiles.save(profile);
	}

	private void known(String site) {
		if (!sites.exists(site)) {
			throw ProblemException.notFound("no site '" + site + "'");
		}
	}

	private static DeliveryProfileSpec spec(ProfileRequest request) {
		Codec codec = Choices.required(Codec.class, "codec", request.codec());
		Preset preset = Choices.required(Preset.class, "preset", request.preset());
		boolean lossy = codec.lossy();
		if (lossy && request.bitrateKbps() == null) {
			throw ProblemException.invalid("bitrateKbps", codec + " needs a bitrate");
		}
		if (codec.sampleRate(request.sampleRate()) != request.sampleRate()) {
			throw ProblemException.invalid("sampleRate",
					codec + " is always " + codec.sampleRate(request.sampleRate()) + " Hz");
		}
		if (preset != Preset.NONE && request.channels() != 1) {
			throw ProblemException.invalid("channels", "AM transmitters take mono: the " + request.preset()
					+ " preset needs channels 1");
		}
		Duration leadTime = request.leadTime() == null ? DeliveryProfileSpec.DEFAULT_LEAD_TIME : request.leadTime();
		if (leadTime.isNegative() || leadTime.compareTo(Duration.ofDays(7)) > 0) {
			throw ProblemException.invalid("leadTime", "must be between PT0S and P7D");
		}
		return new DeliveryProfileSpec(codec, lossy ? request.bitrateKbps() : 0, request.sampleRate(),
				request.channels(),
				request.targetLufs() == null ? DeliveryProfileSpec.DEFAULT_TARGET_LUFS : request.targetLufs(),
				request.truePeakCeilingDbtp() == null ? DeliveryProfileSpec.DEFAULT_CEILING_DBTP
						: request.truePeakCeilingDbtp(),
				leadTime, preset);
	}

}
