package org.waveplan.schedule;

import jakarta.persistence.Entity;

/** A curtain or log-periodic antenna at a site: fed by one transmitter at a time. */
@Entity
class Antenna extends SiteEquipment {

	private int azimuth;

	protected Antenna() {
	}

	Antenna(Site site, String name, int azimuth, int minKhz, int maxKhz) {
		super(site, name, minKhz, maxKhz);
		this.azimuth = azimuth;
	}

	int getAzimuth() {
		return azimuth;
	}

}
