package org.waveplan.delivery;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** One credential of a site's agent. The token itself is shown once, when issued; only its hash is kept. */
@Entity
class SiteToken {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String site;

	private String label;

	private String tokenSha256;

	private Instant createdAt;

	private String createdBy;

	private Instant revokedAt;

	private Instant lastUsedAt;

	protected SiteToken() {
	}

	SiteToken(String site, String label, String tokenSha256, Instant createdAt, String createdBy) {
		this.site = site;
		this.label = label;
		this.tokenSha256 = tokenSha256;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
	}

	void revoke(Instant now) {
		if (revokedAt == null) {
			revokedAt = now;
		}
	}

	boolean live() {
		return revokedAt == null;
	}

	Long getId() {
		return id;
	}

	String getSite() {
		return site;
	}

	String getLabel() {
		return label;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	String getCreatedBy() {
		return createdBy;
	}

	Instant getRevokedAt() {
		return revokedAt;
	}

	Instant getLastUsedAt() {
		return lastUsedAt;
	}

}
