package org.waveplan.schedule;

import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

/** Equipment at a site, named there, that works over a range of frequencies. */
@MappedSuperclass
abstract class SiteEquipment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "site_id")
	private Site site;

	private String name;

	private int minKhz;

	private int maxKhz;

	protected SiteEquipment() {
	}

	SiteEquipment(Site site, String name, int minKhz, int maxKhz) {
		this.site = site;
		this.name = name;
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

	int getMinKhz() {
		return minKhz;
	}

	int getMaxKhz() {
		return maxKhz;
	}

}
