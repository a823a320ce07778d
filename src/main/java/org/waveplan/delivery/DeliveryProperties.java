package org.waveplan.delivery;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of delivery to the sites.
 *
 * @param horizon how far ahead a site's manifest lists its airings
 * @param onSiteBefore a file must be confirmed on site this long before its airing starts, or the airing is late
 * @param manifestValidity how long a manifest is good for; it is renewed (new version) half way
 * @param signingDir where the Ed25519 manifest signing keys were kept before they moved to the database: those
 * found there are imported at start
 * @param pollFlushInterval how often an instance writes the agents' last polls it answered to the database
 * @param keyEncryptionKey base64 of the 256-bit AES key that encrypts the signing keys in the database, the same on
 * every instance ({@link KeyEncryptionKey}); never logged
 * @param keyEncryptionKeyFile or a file that holds it
 * @param siteFiles how a site's file download is answered: streamed through this instance, or redirected to a
 * pre-signed URL of the object store ({@link SiteFileRedirects})
 * @param presignedUrlLifetime how long such a URL works
 * @param streamsAtOnce how many downloads this instance streams from an object store at once: each holds a request
 * thread for as long as its site takes, so past these the next is answered 503 with {@code Retry-After}, and the
 * sites' manifest polls keep threads (a file on the file system goes by sendfile, off the threads, and takes none)
 */
@ConfigurationProperties("waveplan.delivery")
record DeliveryProperties(@DefaultValue("P7D") Duration horizon, @DefaultValue("PT1H") Duration onSiteBefore,
		@DefaultValue("P1D") Duration manifestValidity, @DefaultValue("data/signing") Path signingDir,
		@DefaultValue("PT5S") Duration pollFlushInterval, String keyEncryptionKey, Path keyEncryptionKeyFile,
		@DefaultValue("stream") SiteFiles siteFiles, @DefaultValue("PT5M") Duration presignedUrlLifetime,
		@DefaultValue("8") int streamsAtOnce) {

	enum SiteFiles {

		/** every byte through this instance, from the store */
		STREAM,
		/** a 307 to a short-lived pre-signed URL of the store (S3 only) */
		REDIRECT

	}

	@Override
	public String toString() {
		// never the key-encryption key itself
		return "DeliveryProperties[horizon=" + horizon + ", onSiteBefore=" + onSiteBefore + ", manifestValidity="
				+ manifestValidity + ", signingDir=" + signingDir + ", pollFlushInterval=" + pollFlushInterval
				+ ", keyEncryptionKey=" + (keyEncryptionKey == null ? "none" : "(given)") + ", keyEncryptionKeyFile="
				+ keyEncryptionKeyFile + ", siteFiles=" + siteFiles + ", presignedUrlLifetime=" + presignedUrlLifetime
				+ "]";
	}

}
