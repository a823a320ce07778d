package org.waveplan.schedule;

import jakarta.persistence.Entity;

/** A curtain or log-periodic antenna at a site: fed by one transmitter at a time. */
@Entity
class Antenna extends SiteEquipment {

	private int azimuth;

	private double gainDbi;

	protected Antenna() {
	}

	Antenna(Site site, String name, int azimuth, int minKhz, int maxKhz, double gainDbi) {
		super(site, name, minKhz, maxKhz);
		this.azimuth = azimuth;
		this.gainDbi = gainDbi;
	}

	int getAzimuth() {
		return azimuth;
	}

	/** Over isotropic, the same at every angle and frequency: what predictions take for it. */
	double getGainDbi() {
		return gainDbi;
	}

}
