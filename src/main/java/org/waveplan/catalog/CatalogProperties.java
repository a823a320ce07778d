package org.waveplan.catalog;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the catalog. The upload size limit is Spring's
 * {@code spring.servlet.multipart.max-file-size} (1 GB by default here).
 *
 * @param storageRoot where episode originals are kept, by SHA-256 ({@code originals/ab/abcd...})
 * @param horizonDays how many days ahead the planner materializes airings
 * @param plannerCron when the planner runs (Quartz cron), besides after every change
 * @param shortestEpisode an upload holding less audio is refused (a mistake, not an episode)
 */
@ConfigurationProperties("waveplan.catalog")
record CatalogProperties(@DefaultValue("data") Path storageRoot, @DefaultValue("14") int horizonDays,
		@DefaultValue("0 0 * * * ?") String plannerCron, @DefaultValue("1s") Duration shortestEpisode) {
}
