package org.waveplan.shared;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by every module.
 *
 * @param dataDir where Waveplan keeps its files: the H2 database, secrets, audio
 * @param uploadsAtOnce how many uploads may be received at once (see {@link UploadGate}); keep it well under
 * {@code server.tomcat.threads.max}
 */
@ConfigurationProperties("waveplan")
public record WaveplanProperties(@DefaultValue("data") Path dataDir, @DefaultValue("8") int uploadsAtOnce) {
}
