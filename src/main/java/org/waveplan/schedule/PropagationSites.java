package org.waveplan.schedule;

import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waveplan.propagation.GeoPoint;
import org.waveplan.propagation.TransmitterSites;

/** Our sites as propagation predicts from them: where each is, its transmitters' power and antennas' gain. */
@Service
class PropagationSites implements TransmitterSites {

	private final SiteRepository sites;

	PropagationSites(SiteRepository sites) {
		this.sites = sites;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<TransmitterSites.Site> find(String code) {
		return sites.findByCode(code).map(PropagationSites::of);
	}

	private static TransmitterSites.Site of(org.waveplan.schedule.Site site) {
		return new TransmitterSites.Site(site.getCode(), new GeoPoint(site.getLatitude(), site.getLongitude()),
				site.getTransmitters().stream().collect(Collectors.toMap(Transmitter::getName, Transmitter::getPowerKw)),
				site.getAntennas().stream().collect(Collectors.toMap(Antenna::getName, Antenna::getGainDbi)));
	}

}
