package org.waveplan.pipeline;

import java.time.Duration;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.waveplan.audio.Codec;
import org.waveplan.audio.Preset;

/** How a transmitter site wants its files: format, loudness, processing, and how early. */
@Entity
class DeliveryProfile {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String site;

	@Enumerated(EnumType.STRING)
	private Codec codec;

	private int bitrateKbps;

	private int sampleRate;

	private int channels;

	private double targetLufs;

	private double truePeakCeiling;

	private int leadTimeMinutes;

	@Enumerated(EnumType.STRING)
	private Preset preset;

	private String identSha256;

	@Version
	private long version;

	protected DeliveryProfile() {
	}

	DeliveryProfile(String site) {
		this.site = site;
	}

	void apply(DeliveryProfileSpec spec) {
		this.codec = spec.codec();
		this.bitrateKbps = spec.bitrateKbps();
		this.sampleRate = spec.sampleRate();
		this.channels = spec.channels();
		this.targetLufs = spec.targetLufs();
		this.truePeakCeiling = spec.truePeakCeilingDbtp();
		this.leadTimeMinutes = (int) spec.leadTime().toMinutes();
		this.preset = spec.preset();
	}

	void ident(String sha256) {
		this.identSha256 = sha256;
	}

	DeliveryProfileSpec spec() {
		return new DeliveryProfileSpec(codec, bitrateKbps, sampleRate, channels, targetLufs, truePeakCeiling,
				Duration.ofMinutes(leadTimeMinutes), preset);
	}

	String getSite() {
		return site;
	}

	/** The station ident played before each program, by its SHA-256; {@code null} for none. */
	String getIdentSha256() {
		return identSha256;
	}

}
