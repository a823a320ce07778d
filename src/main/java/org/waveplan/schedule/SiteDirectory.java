package org.waveplan.schedule;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which transmitter sites exist, for the modules that keep something per site. */
@Service
public class SiteDirectory {

	private final SiteRepository sites;

	SiteDirectory(SiteRepository sites) {
		this.sites = sites;
	}

	@Transactional(readOnly = true)
	public boolean exists(String code) {
		return sites.findByCode(code).isPresent();
	}

}
