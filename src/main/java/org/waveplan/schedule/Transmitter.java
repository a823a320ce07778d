package org.waveplan.schedule;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A transmitter at a site: what it can tune, how strong it is, and how long a frequency change takes. */
@Entity
class Transmitter {

	enum Modulation { AM_DSB, DRM }

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "site_id")
	private Site site;

	private String name;

	private int minKhz;

	private int maxKhz;

	private int powerKw;

	private int retuneSeconds;

	@Enumerated(EnumType.STRING)
	private Modulation modulation;

	protected Transmitter() {
	}

	Transmitter(Site site, String name, int minKhz, int maxKhz, int powerKw, int retuneSeconds, Modulation modulation) {
		this.site = site;
		this.name = name;
		this.minKhz = minKhz;
		this.maxKhz = maxKhz;
		this.powerKw = powerKw;
		this.retuneSeconds = retuneSeconds;
		this.modulation = modulation;
	}

	boolean tunes(int khz) {
		return khz >= minKhz && khz <= maxKhz;
	}

	/** Whole minutes between slots on different frequencies (slot times have minute resolution). */
	int retuneMinutes() {
		return (retuneSeconds + 59) / 60;
	}

	Long getId() {
		return id;
	}

	Site getSite() {
		return site;
	}

	String getName() {
		return name;
	}

	int getMinKhz() {
		return minKhz;
	}

	int getMaxKhz() {
		return maxKhz;
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
