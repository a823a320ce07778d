package org.waveplan.bundles;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.waveplan.audio.Codec;
import org.waveplan.audio.Metadata;
import org.waveplan.audio.OutputSpec;
import org.waveplan.audio.Preset;

/** One offline bundle: what it holds, its sound, and how far its job got. */
@Entity
class Bundle {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	/** The episodes' ids in the bundle's order, comma-separated. */
	private String episodeIds;

	@Enumerated(EnumType.STRING)
	private Codec codec;

	private int bitrateKbps;

	private int sampleRate;

	private int channels;

	private double targetLufs;

	private double truePeakDbtp;

	@Enumerated(EnumType.STRING)
	private FileNames names;

	private String language;

	private Long capacityBytes;

	@Enumerated(EnumType.STRING)
	private BundleState state;

	private double progress;

	private long audioMillis;

	private Long sizeBytes;

	@Column(name = "sha256")
	private String sha256;

	private String reason;

	private int attempts;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Bundle() {
	}

	Bundle(BundlePlan plan, Instant now) {
		this.name = plan.name();
		this.episodeIds = plan.episodes().stream().map(e -> String.valueOf(e.id())).collect(Collectors.joining(","));
		BundleProfile profile = plan.profile();
		this.codec = profile.codec();
		this.bitrateKbps = profile.bitrateKbps();
		this.sampleRate = profile.sampleRate();
		this.channels = profile.channels();
		this.targetLufs = profile.targetLufs();
		this.truePeakDbtp = profile.truePeakDbtp();
		this.names = plan.names();
		this.language = plan.language();
		this.capacityBytes = plan.capacityBytes();
		this.audioMillis = plan.audio().toMillis();
		this.state = BundleState.QUEUED;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void start(Instant now) {
		state = BundleState.RUNNING;
		progress = 0;
		attempts++;
		updatedAt = now;
	}

	/** Queued again after a failure that may pass, its reason kept until it is done. */
	void retry(String why, Instant now) {
		state = BundleState.QUEUED;
		progress = 0;
		reason = shortened(why);
		updatedAt = now;
	}

	void progress(double share, Instant now) {
		progress = share;
		updatedAt = now;
	}

	void done(long size, String sha, Instant now) {
		state = BundleState.DONE;
		progress = 1;
		reason = null;
		sizeBytes = size;
		sha256 = sha;
		updatedAt = now;
	}

	void fail(String why, Instant now) {
		state = BundleState.FAILED;
		reason = shortened(why);
		updatedAt = now;
	}

	private static String shortened(String why) {
		return why.length() > 4000 ? why.substring(0, 3997) + "..." : why;
	}

	int getAttempts() {
		return attempts;
	}

	Long getId() {
		return id;
	}

	String getName() {
		return name;
	}

	List<Long> episodeIds() {
		return Arrays.stream(episodeIds.split(",")).map(Long::valueOf).toList();
	}

	BundleProfile profile() {
		return new BundleProfile(codec, bitrateKbps, sampleRate, channels, targetLufs, truePeakDbtp);
	}

	/** What the renderer makes of each episode: nothing in the file but its audio. */
	OutputSpec output() {
		return new OutputSpec("bundle", codec, bitrateKbps, sampleRate, channels, targetLufs, truePeakDbtp,
				Preset.NONE, Metadata.NONE);
	}

	FileNames getNames() {
		return names;
	}

	String getLanguage() {
		return language;
	}

	Long getCapacityBytes() {
		return capacityBytes;
	}

	BundleState getState() {
		return state;
	}

	double getProgress() {
		return progress;
	}

	Duration audio() {
		return Duration.ofMillis(audioMillis);
	}

	Long getSizeBytes() {
		return sizeBytes;
	}

	String getSha256() {
		return sha256;
	}

	String getReason() {
		return reason;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	Instant getUpdatedAt() {
		return updatedAt;
	}

}
