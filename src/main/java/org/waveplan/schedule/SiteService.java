package org.waveplan.schedule;

import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waveplan.schedule.Transmitter.Modulation;
import org.waveplan.shared.ProblemException;

/** Sites and the equipment at them. */
@Service
class SiteService {

	static final int DEFAULT_RETUNE_SECONDS = 60;

	private final SiteRepository sites;

	SiteService(SiteRepository sites) {
		this.sites = sites;
	}

	record SiteRequest(@NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be three capital letters (HFCC site code)") String code,
			@NotBlank @Size(max = 100) String name, @NotNull @Min(1) @Max(3) Integer ituRegion,
			@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
			@NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {
	}

	record TransmitterRequest(@NotBlank @Size(max = 40) String name, @NotNull @Positive Integer minKhz,
			@NotNull @Positive Integer maxKhz, @NotNull @Positive Integer powerKw, @PositiveOrZero Integer retuneSeconds,
			Modulation modulation) {
	}

	record AntennaRequest(@NotBlank @Size(max = 40) String name, @NotNull @Min(0) @Max(359) Integer azimuth,
			@NotNull @Positive Integer minKhz, @NotNull @Positive Integer maxKhz) {
	}

	record TransmitterView(String name, int minKhz, int maxKhz, int powerKw, int retuneSeconds, Modulation modulation) {
	}

	record AntennaView(String name, int azimuth, int minKhz, int maxKhz) {
	}

	record SiteView(String code, String name, int ituRegion, double latitude, double longitude,
			List<TransmitterView> transmitters, List<AntennaView> antennas) {

		static SiteView of(Site site) {
			return new SiteView(site.getCode(), site.getName(), site.getItuRegion(), site.getLatitude(),
					site.getLongitude(), site.getTransmitters().stream().map(SiteView::of).toList(),
					site.getAntennas().stream().map(SiteView::of).toList());
		}

		static TransmitterView of(Transmitter t) {
			return new TransmitterView(t.getName(), t.getMinKhz(), t.getMaxKhz(), t.getPowerKw(), t.getRetuneSeconds(),
					t.getModulation());
		}

		static AntennaView of(Antenna a) {
			return new AntennaView(a.getName(), a.getAzimuth(), a.getMinKhz(), a.getMaxKhz());
		}

	}

	@Transactional
	SiteView create(SiteRequest request) {
		if (sites.findByCode(request.code()).isPresent()) {
			throw new ProblemException(HttpStatus.CONFLICT, "duplicate", "Conflicts with existing data",
					"site " + request.code() + " exists already");
		}
		return SiteView.of(sites.save(new Site(request.code(), request.name(), request.ituRegion(), request.latitude(),
				request.longitude())));
	}

	@Transactional(readOnly = true)
	List<SiteView> all() {
		return sites.findAllByOrderByCode().stream().map(SiteView::of).toList();
	}

	@Transactional(readOnly = true)
	SiteView get(String code) {
		return SiteView.of(site(code));
	}

	@Transactional
	TransmitterView addTransmitter(String code, TransmitterRequest request) {
		Site site = site(code);
		range(request.minKhz(), request.maxKhz());
		unique(site.getTransmitters().stream().map(Transmitter::getName).toList(), request.name(), "transmitter", code);
		Transmitter transmitter = new Transmitter(site, request.name(), request.minKhz(), request.maxKhz(),
				request.powerKw(), request.retuneSeconds() == null ? DEFAULT_RETUNE_SECONDS : request.retuneSeconds(),
				request.modulation() == null ? Modulation.AM_DSB : request.modulation());
		site.getTransmitters().add(transmitter);
		return SiteView.of(transmitter);
	}

	@Transactional
	AntennaView addAntenna(String code, AntennaRequest request) {
		Site site = site(code);
		range(request.minKhz(), request.maxKhz());
		unique(site.getAntennas().stream().map(Antenna::getName).toList(), request.name(), "antenna", code);
		Antenna antenna = new Antenna(site, request.name(), request.azimuth(), request.minKhz(), request.maxKhz());
		site.getAntennas().add(antenna);
		return SiteView.of(antenna);
	}

	private Site site(String code) {
		return sites.findByCode(code).orElseThrow(() -> ProblemException.notFound("no site '" + code + "'"));
	}

	private static void range(int minKhz, int maxKhz) {
		if (minKhz >= maxKhz) {
			throw ProblemException.invalid("maxKhz", "must be above minKhz (" + minKhz + ")");
		}
	}

	private static void unique(List<String> names, String name, String what, String site) {
		if (names.contains(name)) {
			throw new ProblemException(HttpStatus.CONFLICT, "duplicate", "Conflicts with existing data",
					what + " '" + name + "' exists already at " + site);
		}
	}

}
