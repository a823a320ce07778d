package org.waveplan.schedule;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A transmitter at a site: what it can tune, how strong it is, and how long a frequency change takes. */
@Entity
class Transmitter extends SiteEquipment {

	enum Modulation { AM_DSB, DRM }

	private int powerKw;

	private int retuneSeconds;

	@Enumerated(EnumType.STRING)
	private Modulation modulation;

	protected Transmitter() {
	}

	Transmitter(Site site, String name, int minKhz, int maxKhz, int powerKw, int retuneSeconds, Modulation modulation) {
		super(site, name, minKhz, maxKhz);
		this.powerKw = powerKw;
		this.retuneSeconds = retuneSeconds;
		this.modulation = modulation;
	}

	/** Whole minutes between slots on different frequencies (slot times have minute resolution). */
	int retuneMinutes() {
		return (retuneSeconds + 59) / 60;
	}

	int getPowerKw() {
		return powerKw;
	}

	int getRetuneSeconds() {
		return retuneSeconds;
	}

	Modulation getModulation() {
		return modulation;
	}

}
