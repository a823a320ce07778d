package org.waveplan;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.waveplan.agent.SiteAgent;
import org.waveplan.shared.BucketMove;
import org.waveplan.shared.Storage;

@SpringBootApplication
@ConfigurationPropertiesScan
public class WaveplanApplication {

	private static final Logger log = LoggerFactory.getLogger(WaveplanApplication.class);

	/**
	 * Runs the service; with {@code site-agent} first, a transmitter site's agent (see {@link SiteAgent}); with
	 * {@code move-into-bucket} first, the one-shot move of the file system store into the S3 bucket of the settings.
	 */
	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("site-agent")) {
			System.exit(SiteAgent.run(List.of(args).subList(1, args.length)));
		}
		if (args.length > 0 && args[0].equals("move-into-bucket")) {
			System.exit(moveIntoBucket(Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(WaveplanApplication.class, args);
	}

	/** Moves every stored file into the bucket and checks each by its hash: 0 when all are there and verified. */
	static int moveIntoBucket(String... args) throws IOException {
		// the service's own settings and modules, but no render may start meanwhile
		try (ConfigurableApplicationContext service = new SpringApplicationBuilder(WaveplanApplication.class)
			.properties("spring.quartz.auto-startup=false", "server.port=0")
			.run(args)) {
			BucketMove.Report report = service.getBean(Storage.class).moveIntoBucket();
			log.info("Moved into the bucket: {} put, {} there already, {} failed", report.put(), report.present(),
					report.failed().size());
			report.failed().forEach(failure -> log.error("Not moved: {}", failure));
			return report.verified() ? 0 : 1;
		}
	}

}
