package org.waveplan.pipeline;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.waveplan.audio.Codec;
import org.waveplan.shared.ProblemException;

/** Each site's delivery profile (role ENGINEER). */
@RestController
@RequestMapping("/api/sites/{code}/delivery-profile")
class DeliveryProfileController {

	private final DeliveryProfiles profiles;

	DeliveryProfileController(DeliveryProfiles profiles) {
		this.profiles = profiles;
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
					DeliveryProfileSpec.name(spec.preset()), profile.getIdentSha256());
		}

		/** The profile as the form that would set it again (a lossless codec takes no bitrate). */
		ProfileRequest request() {
			return new ProfileRequest(codec.name(), codec.lossy() ? bitrateKbps : null, sampleRate, channels,
					targetLufs, truePeakCeilingDbtp, leadTime, preset);
		}

	}

	@GetMapping
	@Transactional(readOnly = true)
	ProfileView get(@PathVariable String code) {
		return ProfileView.of(profiles.of(code)
			.orElseThrow(() -> ProblemException.notFound("site '" + code + "' has no delivery profile")));
	}

	@PutMapping
	ProfileView put(@PathVariable String code, @Valid @RequestBody ProfileRequest request) {
		return ProfileView.of(profiles.put(code, request));
	}

}
