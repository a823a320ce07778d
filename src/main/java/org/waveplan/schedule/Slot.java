package org.waveplan.schedule;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

/**
 * A recurring entry of our schedule, as in an HFCC line: a transmitter on a frequency at UTC
 * times on days of the week between two dates, towards CIRAF zones.
 */
@Entity
class Slot {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "transmitter_id")
	private Transmitter transmitter;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "antenna_id")
	private Antenna antenna;

	private int frequencyKhz;

	@Embedded
	private BroadcastTime time;

	private String targets;

	private Integer azimuth;

	private Integer powerKw;

	private String language;

	private boolean outOfBand;

	private String program;

	@Version
	private long version;

	protected Slot() {
	}

	Slot(SlotPlan plan) {
		apply(plan);
	}

	/** Takes over everything a plan says; the plan has been validated. */
	void apply(SlotPlan plan) {
		this.transmitter = plan.transmitter();
		this.antenna = plan.antenna();
		this.frequencyKhz = plan.frequencyKhz();
		this.time = plan.time();
		this.targets = plan.targets().expression();
		this.azimuth = plan.azimuth();
		this.powerKw = plan.powerKw();
		this.language = plan.language();
		this.outOfBand = plan.outOfBand();
		this.program = plan.program();
	}

	SlotPlan plan() {
		return new SlotPlan(transmitter, antenna, frequencyKhz, time, CirafZones.parse(targets), azimuth, powerKw,
				language, outOfBand, program);
	}

	Emission emission() {
		return plan().emission(id == null ? 0 : id);
	}

	Long getId() {
		return id;
	}

	Transmitter getTransmitter() {
		return transmitter;
	}

	Antenna getAntenna() {
		return antenna;
	}

	int getFrequencyKhz() {
		return frequencyKhz;
	}

	BroadcastTime getTime() {
		return time;
	}

	String getProgram() {
		return program;
	}

}
