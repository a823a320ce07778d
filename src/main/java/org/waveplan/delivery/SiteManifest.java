package org.waveplan.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The version of a site's manifest: it grows when the content changes, or when the manifest is renewed. */
@Entity
class SiteManifest {

	@Id
	private String site;

	private long version;

	private String contentSha256;

	private Instant issuedAt;

	protected SiteManifest() {
	}

	/** A site's first, numbered after {@code after}. */
	SiteManifest(String site, long after) {
		this.site = site;
		this.version = after;
	}

	/** Takes the content; a new version if it differs, or if the current one is past half its validity. */
	void content(String sha256, Instant now, Duration validity) {
		if (!sha256.equals(contentSha256) || issuedAt.plus(validity.dividedBy(2)).isBefore(now)) {
			version++;
			contentSha256 = sha256;
			// as the database keeps it: the version made again from its row (later, or on another instance) has the
			// same bytes and ETag, so a site's If-None-Match still matches
			issuedAt = now.truncatedTo(ChronoUnit.MICROS);
		}
	}

	long getVersion() {
		return version;
	}

	Instant getIssuedAt() {
		return issuedAt;
	}

}
