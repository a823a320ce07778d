package org.waveplan.delivery;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.waveplan.shared.S3Server;
import org.waveplan.shared.Storage;
import org.waveplan.shared.StorageProperties;
import org.waveplan.shared.WaveplanProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** The setting {@code waveplan.delivery.site-files} as a start reads it, with the real store it is given. */
class SiteFileRedirectsTest {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ DeliveryProperties.class, StorageProperties.class, WaveplanProperties.class })
	@Import({ Storage.class, SiteFileRedirects.class })
	static class Settings {

	}

	private final ApplicationContextRunner start = new ApplicationContextRunner().withUserConfiguration(Settings.class)
		.withPropertyValues("waveplan.data-dir=" + System.getProperty("waveplan.test.dir", "target") + "/redirects");

	@Test
	void aRedirectWithFilesOnThisDiskStopsTheStartNamingTheSettings() {
		start.withPropertyValues("waveplan.delivery.site-files=redirect").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("waveplan.delivery.site-files=redirect needs waveplan.storage.type=s3");
		});
		// streaming, the default, starts on either store
		start.run(context -> assertThat(context).hasNotFailed());
		start.withPropertyValues("waveplan.delivery.site-files=stream").run(context -> assertThat(context).hasNotFailed());
	}

	@Test
	void aRedirectOnS3StartsWithALifetimeS3Takes() {
		ApplicationContextRunner s3 = start.withPropertyValues("waveplan.delivery.site-files=redirect");
		for (var setting : S3Server.settings(S3Server.bucket()).entrySet()) {
			s3 = s3.withPropertyValues(setting.getKey() + "=" + setting.getValue());
		}
		s3.run(context -> assertThat(context).hasNotFailed());
		s3.withPropertyValues("waveplan.delivery.presigned-url-lifetime=P8D").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("waveplan.delivery.presigned-url-lifetime is PT192H");
		});
	}

}
