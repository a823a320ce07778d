package org.waveplan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class WaveplanApplication {

	public static void main(String[] args) {
		SpringApplication.run(WaveplanApplication.class, args);
	}

}
