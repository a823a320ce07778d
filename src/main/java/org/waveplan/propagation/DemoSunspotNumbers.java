package org.waveplan.propagation;

import java.time.YearMonth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo profile's sunspot numbers, 2026-01 to 2027-12, for the months that have none. They are illustrative, not a
 * forecast: the declining phase of solar cycle 25 drawn as a smooth fall from 121 to 80. Official predictions of the
 * smoothed number come from SILSO (Royal Observatory of Belgium, sidc.be/SILSO) and NOAA SWPC's solar cycle
 * progression; an engineer PUTs them into the table.
 */
@Component
@Profile("demo")
@Order(10)
class DemoSunspotNumbers implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSunspotNumbers.class);

	private static final YearMonth FIRST = YearMonth.of(2026, 1);

	private static final double[] SSN = {
			// 2026
			121.0, 118.8, 116.7, 114.6, 112.6, 110.6, 108.6, 106.7, 104.8, 102.9, 101.1, 99.3,
			// 2027
			97.5, 95.8, 94.1, 92.4, 90.7, 89.1, 87.5, 86.0, 84.4, 82.9, 81.5, 80.0 };

	private final SunspotNumbers numbers;

	DemoSunspotNumbers(SunspotNumbers numbers) {
		this.numbers = numbers;
	}

	@Override
	public void run(ApplicationArguments args) {
		int added = 0;
		for (int i = 0; i < SSN.length; i++) {
			YearMonth month = FIRST.plusMonths(i);
			if (numbers.find(month).isEmpty()) {
				numbers.put(month, SSN[i], "demo");
				added++;
			}
		}
		if (added > 0) {
			log.info("Demo sunspot numbers: {} months from {} to {} (illustrative)", added, FIRST,
					FIRST.plusMonths(SSN.length - 1));
		}
	}

}
