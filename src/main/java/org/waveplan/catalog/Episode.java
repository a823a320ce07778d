package org.waveplan.catalog;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.waveplan.audio.AudioInfo;
import org.waveplan.audio.Loudness;
import org.waveplan.audio.LoudnessCurve;
import org.waveplan.shared.StoredContent;

/**
 * An uploaded episode: its original (stored once per SHA-256), what the probe found and the EBU
 * R128 loudness measured at ingest, so that rendering never has to analyse the source again.
 */
@Entity
class Episode {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "program_id")
	private Program program;

	private String title;

	private String sha256;

	private long sizeBytes;

	private String originalName;

	private String container;

	private String codec;

	private long durationMillis;

	private int sampleRate;

	private int channels;

	private double integratedLufs;

	private double loudnessRangeLu;

	private double truePeakDbtp;

	private double thresholdLufs;

	private byte[] shortTermLoudness;

	private Instant uploadedAt;

	private String uploadedBy;

	protected Episode() {
	}

	Episode(Program program, String title, StoredContent original, String originalName, AudioInfo info,
			Loudness loudness, LoudnessCurve curve, Instant uploadedAt, String uploadedBy) {
		this.program = program;
		this.title = title;
		this.sha256 = original.sha256();
		this.sizeBytes = original.size();
		this.originalName = originalName;
		this.container = info.container();
		this.codec = info.codec();
		this.durationMillis = info.duration().toMillis();
		this.sampleRate = info.sampleRate();
		this.channels = info.channels();
		this.integratedLufs = loudness.integratedLufs();
		this.loudnessRangeLu = loudness.rangeLu();
		this.truePeakDbtp = loudness.truePeakDbtp();
		this.thresholdLufs = loudness.thresholdLufs();
		this.shortTermLoudness = curve == null ? null : curve.bytes();
		this.uploadedAt = uploadedAt;
		this.uploadedBy = uploadedBy;
	}

	Duration duration() {
		return Duration.ofMillis(durationMillis);
	}

	Long getId() {
		return id;
	}

	Program getProgram() {
		return program;
	}

	String getTitle() {
		return title;
	}

	String getSha256() {
		return sha256;
	}

	long getSizeBytes() {
		return sizeBytes;
	}

	String getOriginalName() {
		return originalName;
	}

	AudioInfo info() {
		return new AudioInfo(container, codec, duration(), sampleRate, channels);
	}

	Loudness loudness() {
		return new Loudness(integratedLufs, loudnessRangeLu, truePeakDbtp, thresholdLufs);
	}

	/** Null for an episode taken in before curves were kept. */
	LoudnessCurve curve() {
		return shortTermLoudness == null ? null : LoudnessCurve.of(shortTermLoudness);
	}

	Instant getUploadedAt() {
		return uploadedAt;
	}

}
