package org.waveplan.pipeline;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.waveplan.audio.Codec;
import org.waveplan.audio.Preset;
import org.waveplan.schedule.SiteDirectory;
import org.waveplan.shared.ProblemException;

/** Each site's delivery profile (role ENGINEER). */
@RestController
@RequestMapping("/api/sites/{code}/delivery-profile")
class DeliveryProfileController {

	private final DeliveryProfileRepository profiles;

	private final SiteDirectory sites;

	private final ApplicationEventPublisher events;

	DeliveryProfileController(DeliveryProfileRepository profiles, SiteDirectory sites,
			ApplicationEventPublisher events) {
		this.profiles = profiles;
		this.sites = sites;
		this.events = events;
	}

	/**
	 * A profile as the API takes it: codec {@code MP3}, {@code AAC_M4A}, {@code OPUS_OGG},
	 * {@code FLAC} or {@code WAV_PCM16}; preset {@code am-sw}, {@code mw} or {@code none}; lead time
	 * as ISO-8601 ({@code PT12H}). Loudness, ceiling and lead time have defaults.
	 */
	record ProfileRequest(@NotBlank String codec, @Min(8) @Max(512) Integer bitrateKbps,
			@NotNull @Min(8000) @Max(192000) Integer sampleRate, @NotNull @Min(1) @Max(2) Integer channels,
			@DecimalMin("-40") @DecimalMax("-5") Double targetLufs, @DecimalMin("-9") @DecimalMax("0") Double truePeakCeilingDbtp,
			Duration leadTime, @NotBlank String preset) {
	}

	record ProfileView(String site, Codec codec, Integer bitrateKbps, int sampleRate, int channels, double targetLufs,
			double truePeakCeilingDbtp, Duration leadTime, String preset, String identSha256) {

		static ProfileView of(DeliveryProfile profile) {
			DeliveryProfileSpec spec = profile.spec();
			return new ProfileView(profile.getSite(), spec.codec(), spec.bitrateKbps(), spec.sampleRate(),
					spec.channels(), spec.targetLufs(), spec.truePeakCeilingDbtp(), spec.leadTime(),
					spec.preset().name().toLowerCase().replace('_', '-'), profile.getIdentSha256());
		}

	}

	@GetMapping
	@Transactional(readOnly = true)
	ProfileView get(@PathVariable String code) {
		return ProfileView.of(profiles.findBySite(code)
			.orElseThrow(() -> ProblemException.notFound("site '" + code + "' has no delivery profile")));
	}

	@PutMapping
	@Transactional
	ProfileView put(@PathVariable String code, @Valid @RequestBody ProfileRequest request) {
		// the request is checked on its own first: a bad one costs no database lookup
		DeliveryProfileSpec spec = spec(request);
		if (!sites.exists(code)) {
			throw ProblemException.notFound("no site '" + code + "'");
		}
		DeliveryProfile profile = profiles.findBySite(code).orElseGet(() -> new DeliveryProfile(code));
		profile.apply(spec);
		events.publishEvent(new ProfileChanged(code));
		return ProfileView.of(profiles.save(profile));
	}

	private static DeliveryProfileSpec spec(ProfileRequest request) {
		Codec codec = named(Codec.class, "codec", request.codec());
		Preset preset = named(Preset.class, "preset", request.preset());
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

	private static <E extends Enum<E>> E named(Class<E> type, String field, String name) {
		try {
			return Enum.valueOf(type, name.trim().toUpperCase().replace('-', '_'));
		}
		catch (IllegalArgumentException e) {
			throw ProblemException.invalid(field, "'" + name + "' is not one of " + Arrays.stream(type.getEnumConstants())
				.map(c -> c.name().toLowerCase().replace('_', '-'))
				.collect(Collectors.joining(", ")));
		}
	}

}
