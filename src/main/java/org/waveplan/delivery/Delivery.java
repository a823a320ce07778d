package org.waveplan.delivery;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.DynamicUpdate;

/**
 * What a site did with an airing's file: when it fetched it whole, and when it confirmed it by its hash. Updates
 * write only the columns that changed: LateWatch marking an airing late must not write back the confirmation that a
 * site's receipt committed meanwhile.
 */
@Entity
@DynamicUpdate
class Delivery {

	@Id
	private Long airingId;

	private String site;

	private String sha256;

	private Instant fetchedAt;

	private Instant confirmedAt;

	private Instant lateReportedAt;

	protected Delivery() {
	}

	Delivery(long airingId, String site, String sha256) {
		this.airingId = airingId;
		this.site = site;
		this.sha256 = sha256;
	}

	/** The file the site holds now; a new one (re-rendered) is unconfirmed until confirmed again. */
	void file(String sha256) {
		if (!sha256.equals(this.sha256)) {
			this.sha256 = sha256;
			this.fetchedAt = null;
			this.confirmedAt = null;
		}
	}

	void fetched(Instant now) {
		if (fetchedAt == null) {
			fetchedAt = now;
		}
	}

	void confirmed(Instant now) {
		fetched(now);
		if (confirmedAt == null) {
			confirmedAt = now;
		}
	}

	void lateReported(Instant now) {
		lateReportedAt = now;
	}

	Long getAiringId() {
		return airingId;
	}

	String getSite() {
		return site;
	}

	String getSha256() {
		return sha256;
	}

	Instant getFetchedAt() {
		return fetchedAt;
	}

	Instant getConfirmedAt() {
		return confirmedAt;
	}

	Instant getLateReportedAt() {
		return lateReportedAt;
	}

}
