package org.waveplan.schedule;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.waveplan.schedule.SiteService.AntennaRequest;
import org.waveplan.schedule.SiteService.AntennaView;
import org.waveplan.schedule.SiteService.SiteRequest;
import org.waveplan.schedule.SiteService.SiteView;
import org.waveplan.schedule.SiteService.TransmitterRequest;
import org.waveplan.schedule.SiteService.TransmitterView;

@RestController
@RequestMapping("/api/sites")
class SiteController {

	private final SiteService sites;

	SiteController(SiteService sites) {
		this.sites = sites;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	SiteView create(@Valid @RequestBody SiteRequest request) {
		return sites.create(request);
	}

	@GetMapping
	List<SiteView> all() {
		return sites.all();
	}

	@GetMapping("/{code}")
	SiteView get(@PathVariable String code) {
		return sites.get(code);
	}

	@PostMapping("/{code}/transmitters")
	@ResponseStatus(HttpStatus.CREATED)
	TransmitterView addTransmitter(@PathVariable String code, @Valid @RequestBody TransmitterRequest request) {
		return sites.addTransmitter(code, request);
	}

	@PostMapping("/{code}/antennas")
	@ResponseStatus(HttpStatus.CREATED)
	AntennaView addAntenna(@PathVariable String code, @Valid @RequestBody AntennaRequest request) {
		return sites.addAntenna(code, request);
	}

}
