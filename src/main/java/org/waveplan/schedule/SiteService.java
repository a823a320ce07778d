package org.waveplan.schedule;

import java.util.List;

import jakarta.validation.Validator;
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
import org.waveplan.schedule.FieldErrors.Place;
import org.waveplan.schedule.Transmitter.Modulation;
import org.waveplan.shared.ProblemException;

/**
 * Sites and the equipment at them. Equipment passes the same rules here whatever brings it: the
 * API or a Waveplan file.
 */
@Service
class SiteService {

	private final SiteRepository sites;

	private final Validator validator;

	SiteService(SiteRepository sites, Validator validator) {
		this.sites = sites;
		this.validator = validator;
	}

	record SiteRequest(@NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be three capital letters (HFCC site code)") String code,
			@NotBlank @Size(max = 100) String name, @NotNull @Min(1) @Max(3) Integer ituRegion,
			@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
			@NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {
	}

	/** Without a retune time or a modulation: 60 s, AM. */
	record TransmitterRequest(@NotBlank @Size(max = 40) String name, @NotNull @Positive Integer minKhz,
			@NotNull @Positive Integer maxKhz, @NotNull @Positive Integer powerKw, @PositiveOrZero Integer retuneSeconds,
			Modulation modulation) {

		TransmitterRequest {
			retuneSeconds = retuneSeconds == null ? 60 : retuneSeconds;
			modulation = modulation == null ? Modulation.AM_DSB : modulation;
		}

	}

	/** Without a gain: isotropic, 0 dBi. */
	record AntennaRequest(@NotBlank @Size(max = 40) String name, @NotNull @Min(0) @Max(359) Integer azimuth,
			@NotNull @Positive Integer minKhz, @NotNull @Positive Integer maxKhz,
			@DecimalMin("-10") @DecimalMax("30") Double gainDbi) {

		AntennaRequest {
			gainDbi = gainDbi == null ? 0 : gainDbi;
		}

	}

	record TransmitterView(String name, int minKhz, int maxKhz, int powerKw, int retuneSeconds, Modulation modulation) {
	}

	record AntennaView(String name, int azimuth, int minKhz, int maxKhz, double gainDbi) {
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
			return new AntennaView(a.getName(), a.getAzimuth(), a.getMinKhz(), a.getMaxKhz(), a.getGainDbi());
		}

	}

	/** Equipment as a file declares it, each part with the place of its fields in the file. */
	record Declared<T>(T request, Place where) {
	}

	@Transactional
	SiteView create(SiteRequest request) {
		if (sites.findByCode(request.code()).isPresent()) {
			throw new ProblemException(HttpStatus.CONFLICT, "duplicate", "Conflicts with existing data",
					"site " + request.code() + " exists already");
		}
		FieldErrors errors = new FieldErrors();
		valid(request, Place.REQUEST, errors);
		errors.throwIfAny();
		return SiteView.of(sites.save(site(request)));
	}

	/**
	 * Stores the site and equipment a file declares that we do not have yet, each after the rules
	 * of the API; what breaks one goes to {@code errors} at its place in the file, and is not stored.
	 */
	@Transactional
	void declare(Declared<SiteRequest> declared, List<Declared<TransmitterRequest>> transmitters,
			List<Declared<AntennaRequest>> antennas, FieldErrors errors) {
		Site site = sites.findByCode(declared.request().code()).orElse(null);
		if (site == null) {
			if (!valid(declared.request(), declared.where(), errors)) {
				return;
			}
			site = sites.save(site(declared.request()));
		}
		for (Declared<TransmitterRequest> t : transmitters) {
			if (site.getTransmitters().stream().noneMatch(x -> x.getName().equals(t.request().name()))
					&& valid(t.request(), t.where(), errors)) {
				site.getTransmitters().add(transmitter(site, t.request()));
			}
		}
		for (Declared<AntennaRequest> a : antennas) {
			if (site.getAntennas().stream().noneMatch(x -> x.getName().equals(a.request().name()))
					&& valid(a.request(), a.where(), errors)) {
				site.getAntennas().add(antenna(site, a.request()));
			}
		}
		sites.saveAndFlush(site);
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
		FieldErrors errors = new FieldErrors();
		valid(request, Place.REQUEST, errors);
		errors.throwIfAny();
		unique(site.getTransmitters().stream().map(Transmitter::getName).toList(), request.name(), "transmitter", code);
		Transmitter transmitter = transmitter(site, request);
		site.getTransmitters().add(transmitter);
		return SiteView.of(transmitter);
	}

	@Transactional
	AntennaView addAntenna(String code, AntennaRequest request) {
		Site site = site(code);
		FieldErrors errors = new FieldErrors();
		valid(request, Place.REQUEST, errors);
		errors.throwIfAny();
		unique(site.getAntennas().stream().map(Antenna::getName).toList(), request.name(), "antenna", code);
		Antenna antenna = antenna(site, request);
		site.getAntennas().add(antenna);
		return SiteView.of(antenna);
	}

	private Site site(String code) {
		return sites.findByCode(code).orElseThrow(() -> ProblemException.notFound("no site '" + code + "'"));
	}

	/** The rules of the request's fields, then for equipment a range from low to high. */
	private boolean valid(Object request, Place where, FieldErrors errors) {
		FieldErrors part = errors.part();
		validator.validate(request)
			.forEach(v -> part.add(where, v.getPropertyPath().toString(), v.getMessage()));
		if (part.clean() && request instanceof TransmitterRequest t) {
			range(t.minKhz(), t.maxKhz(), where, part);
		}
		if (part.clean() && request instanceof AntennaRequest a) {
			range(a.minKhz(), a.maxKhz(), where, part);
		}
		return part.clean();
	}

	private static void range(int minKhz, int maxKhz, Place where, FieldErrors errors) {
		if (minKhz >= maxKhz) {
			errors.add(where, "maxKhz", "must be above minKhz (" + minKhz + ")");
		}
	}

	private static Site site(SiteRequest r) {
		return new Site(r.code(), r.name(), r.ituRegion(), r.latitude(), r.longitude());
	}

	private static Transmitter transmitter(Site site, TransmitterRequest r) {
		return new Transmitter(site, r.name(), r.minKhz(), r.maxKhz(), r.powerKw(), r.retuneSeconds(), r.modulation());
	}

	private static Antenna antenna(Site site, AntennaRequest r) {
		return new Antenna(site, r.name(), r.azimuth(), r.minKhz(), r.maxKhz(), r.gainDbi());
	}

	private static void unique(List<String> names, String name, String what, String site) {
		if (names.contains(name)) {
			throw new ProblemException(HttpStatus.CONFLICT, "duplicate", "Conflicts with existing data",
					what + " '" + name + "' exists already at " + site);
		}
	}

}
