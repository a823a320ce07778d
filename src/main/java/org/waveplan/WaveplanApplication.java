package org.waveplan;

import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.waveplan.agent.SiteAgent;

@SpringBootApplication
@ConfigurationPropertiesScan
public class WaveplanApplication {

	/** Runs the service, or with {@code site-agent} first, a transmitter site's agent (see {@link SiteAgent}). */
	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("site-agent")) {
			System.exit(SiteAgent.run(List.of(args).subList(1, args.length)));
		}
		SpringApplication.run(WaveplanApplication.class, args);
	}

}
