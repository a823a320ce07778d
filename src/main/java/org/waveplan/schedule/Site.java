package org.waveplan.schedule;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

/** A transmitter site, known by its HFCC three-letter code. */
@Entity
class Site {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true, length = 3)
	private String code;

	private String name;

	private int ituRegion;

	private double latitude;

	private double longitude;

	@OneToMany(mappedBy = "site", cascade = CascadeType.ALL)
	@OrderBy("name")
	private List<Transmitter> transmitters = new ArrayList<>();

	@OneToMany(mappedBy = "site", cascade = CascadeType.ALL)
	@OrderBy("name")
	private List<Antenna> antennas = new ArrayList<>();

	protected Site() {
	}

	Site(String code, String name, int ituRegion, double latitude, double longitude) {
		this.code = code;
		this.name = name;
		this.ituRegion = ituRegion;
		this.latitude = latitude;
		this.longitude = longitude;
	}

	Long getId() {
		return id;
	}

	String getCode() {
		return code;
	}

	String getName() {
		return name;
	}

	int getItuRegion() {
		return ituRegion;
	}

	double getLatitude() {
		return latitude;
	}

	double getLongitude() {
		return longitude;
	}

	List<Transmitter> getTransmitters() {
		return transmitters;
	}

	List<Antenna> getAntennas() {
		return antennas;
	}

}
