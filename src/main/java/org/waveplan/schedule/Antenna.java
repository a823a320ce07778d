package org.waveplan.schedule;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A curtain or log-periodic antenna at a site: fed by one transmitter at a time. */
@Entity
class Antenna {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "site_id")
	private Site site;

	private String name;

	private int azimuth;

	private int minKhz;

	private int maxKhz;

	protected Antenna() {
	}

	Antenna(Site site, String name, int azimuth, int minKhz, int maxKhz) {
		this.site = site;
		this.name = name;
		this.azimuth = azimuth;
		this.minKhz = minKhz;
		this.maxKhz = maxKhz;
	}

	boolean covers(int khz) {
		return khz >= minKhz && khz <= maxKhz;
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

	int getAzimuth() {
		return azimuth;
	}

	int getMinKhz() {
		return minKhz;
	}

	int getMaxKhz() {
		return maxKhz;
	}

}
