package org.waveplan.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.waveplan.catalog.PlannedAiring;

/**
 * One airing's render: the rendition it needs, when it is due (air time less the site's lead time), and how far
 * it got. Renders of the same source, ident and length on the same day form a batch that one FFmpeg run renders.
 */
@Entity
class Render {

	@Id
	private Long airingId;

	private String site;

	private String program;

	private LocalDate broadcastDate;

	private Instant startsAt;

	private long lengthMillis;

	private Instant dueAt;

	@Column(name = "source_sha256")
	private String sourceSha256;

	@Column(name = "ident_sha256")
	private String identSha256;

	private String renditionKey;

	@Enumerated(EnumType.STRING)
	private RenderState state;

	private double progress;

	private int attempts;

	private String reason;

	private String claimedBy;

	private Instant updatedAt;

	@Version
	private long version;

	protected Render() {
	}

	Render(PlannedAiring airing) {
		this.airingId = airing.id();
	}

	/**
	 * Takes the airing's current needs; a different rendition starts the render over.
	 * @return whether it must be (re)scheduled: it is new, needs another rendition or is due at another time
	 */
	boolean need(PlannedAiring airing, String identSha256, String renditionKey, Instant dueAt, Instant now) {
		this.site = airing.site();
		this.program = airing.program();
		this.broadcastDate = airing.broadcastDate();
		this.startsAt = airing.startsAt();
		this.lengthMillis = airing.length().toMillis();
		this.sourceSha256 = airing.episode().sha256();
		this.identSha256 = identSha256;
		boolean changed = !renditionKey.equals(this.renditionKey) || !dueAt.equals(this.dueAt);
		if (!renditionKey.equals(this.renditionKey)) {
			this.renditionKey = renditionKey;
			requeue(now);
		}
		this.dueAt = dueAt;
		return changed && state == RenderState.QUEUED;
	}

	/** Back to the queue with a clean slate: a new rendition, or a person asked for it again. */
	void requeue(Instant now) {
		this.state = RenderState.QUEUED;
		this.progress = 0;
		this.attempts = 0;
		this.reason = null;
		this.claimedBy = null;
		this.updatedAt = now;
	}

	/** Its rendition exists already: nothing to render. */
	void done(Instant now) {
		this.state = RenderState.DONE;
		this.progress = 1;
		this.reason = null;
		this.claimedBy = null;
		this.updatedAt = now;
	}

	/** A run starts: it counts as an attempt even if the service is killed before it ends. */
	void claim(String owner, Instant now) {
		this.attempts++;
		this.state = RenderState.RUNNING;
		this.progress = 0;
		this.claimedBy = owner;
		this.updatedAt = now;
	}

	/** The run failed for the service's trouble, not the render's (the object store out of reach): not an attempt. */
	void notAnAttempt() {
		this.attempts--;
	}

	/** An attempt failed: queued again for a retry (that starts from nothing), or failed for good. */
	void failed(String reason, boolean retry, Instant now) {
		this.state = retry ? RenderState.QUEUED : RenderState.FAILED;
		if (retry) {
			this.progress = 0;
		}
		this.reason = reason;
		this.claimedBy = null;
		this.updatedAt = now;
	}

	boolean claimedBy(String owner) {
		return state == RenderState.RUNNING && owner.equals(claimedBy);
	}

	Long getAiringId() {
		return airingId;
	}

	String getSite() {
		return site;
	}

	String getProgram() {
		return program;
	}

	LocalDate getBroadcastDate() {
		return broadcastDate;
	}

	Instant getStartsAt() {
		return startsAt;
	}

	Duration length() {
		return Duration.ofMillis(lengthMillis);
	}

	Instant getDueAt() {
		return dueAt;
	}

	String getSourceSha256() {
		return sourceSha256;
	}

	String getIdentSha256() {
		return identSha256;
	}

	String getRenditionKey() {
		return renditionKey;
	}

	RenderState getState() {
		return state;
	}

	double getProgress() {
		return progress;
	}

	int getAttempts() {
		return attempts;
	}

	String getReason() {
		return reason;
	}

	Instant getUpdatedAt() {
		return updatedAt;
	}

}
