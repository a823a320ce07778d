package org.waveplan.delivery;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.waveplan.pipeline.DeliverableFile;
import org.waveplan.shared.ObjectStore;
import org.waveplan.shared.Storage;

/**
 * Where a site is sent for its file under {@code waveplan.delivery.site-files=redirect}: a pre-signed URL of the
 * object store that lives {@code presigned-url-lifetime}, so the bytes go from the store to the site and no request
 * thread of this instance waits on them. Only S3 gives such URLs: with the file system store the setting stops the
 * start, rather than streaming against what the operator asked for.
 */
@Component
class SiteFileRedirects {

	// S3 signs no URL for longer (SigV4)
	private static final Duration LONGEST = Duration.ofDays(7);

	private final boolean redirect;

	private final Duration lifetime;

	SiteFileRedirects(DeliveryProperties settings, Storage storage) {
		this.redirect = settings.siteFiles() == DeliveryProperties.SiteFiles.REDIRECT;
		this.lifetime = settings.presignedUrlLifetime();
		if (!redirect) {
			return;
		}
		if (!storage.presigns()) {
			throw new IllegalStateException("waveplan.delivery.site-files=redirect needs waveplan.storage.type=s3:"
					+ " files on this machine's disk have no URL to send a site to; set waveplan.delivery.site-files"
					+ "=stream or keep the files in a bucket");
		}
		if (lifetime.compareTo(Duration.ofSeconds(1)) < 0 || lifetime.compareTo(LONGEST) > 0) {
			throw new IllegalStateException("waveplan.delivery.presigned-url-lifetime is " + lifetime
					+ ": it must lie between 1 s and 7 days (S3's longest)");
		}
	}

	/** The URL to send the site to for the file (GET) or its headers (HEAD), or empty to stream it. */
	Optional<URI> location(DeliverableFile file, boolean head) {
		if (!redirect) {
			return Optional.empty();
		}
		return file.content().presigned(head ? ObjectStore.Access.HEAD : ObjectStore.Access.GET, lifetime);
	}

}
