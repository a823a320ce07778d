package org.waveplan.delivery;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.waveplan.pipeline.RenderTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** A manifest's bytes are those of its stored version, whichever instance makes it and whenever. */
class ManifestVersionTest extends RenderTestSupport {

	@Autowired
	Manifests manifests;

	@Test
	void aManifestMadeAgainFromItsStoredVersionHasTheSameBytesAndETag() {
		jdbc.update("delete from site_manifest where site = 'NSA'");
		// the JDK's clock has nanoseconds; the database keeps microseconds
		clock.set(clock.instant().plusNanos(123_456_789));
		fixtures().site("NSA", 3, "TX1");
		Manifests.Signed first = manifests.of("NSA").orElseThrow();
		// as after any change here, or on another instance: made again from the stored version, which is unchanged
		manifests.changed();
		Manifests.Signed again = manifests.of("NSA").orElseThrow();
		assertThat(again.version()).isEqualTo(first.version());
		assertThat(new String(again.body())).isEqualTo(new String(first.body()));
		assertThat(again.etag()).isEqualTo(first.etag());
	}

}
