package org.waveplan.pipeline;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.waveplan.audio.Codec;
import org.waveplan.audio.RenderedFile;

/** A rendered, verified file in the renders folder, under its content address. Written once, never changed. */
@Entity
class Rendition {

	@Id
	@Column(name = "rendition_key")
	private String key;

	@Enumerated(EnumType.STRING)
	private Codec codec;

	private long sizeBytes;

	private String sha256;

	private long durationMillis;

	private double integratedLufs;

	private double truePeakDbtp;

	private Instant createdAt;

	protected Rendition() {
	}

	Rendition(String key, RenderedFile file, long sizeBytes, Instant createdAt) {
		this.key = key;
		this.codec = file.spec().codec();
		this.sizeBytes = sizeBytes;
		this.sha256 = file.sha256();
		this.durationMillis = file.duration().toMillis();
		this.integratedLufs = file.loudness().integratedLufs();
		this.truePeakDbtp = file.loudness().truePeakDbtp();
		this.createdAt = createdAt;
	}

	String getKey() {
		return key;
	}

	Codec getCodec() {
		return codec;
	}

	long getSizeBytes() {
		return sizeBytes;
	}

	String getSha256() {
		return sha256;
	}

	Duration duration() {
		return Duration.ofMillis(durationMillis);
	}

	double getIntegratedLufs() {
		return integratedLufs;
	}

	double getTruePeakDbtp() {
		return truePeakDbtp;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

}
