package org.waveplan.propagation;

import java.util.Map;
import java.util.Optional;

/**
 * Where a transmitter site is and what it has, for predictions from it by site code. The schedule keeps the sites and
 * implements this; propagation asks through it, so it never depends on the schedule.
 */
public interface TransmitterSites {

	/** The site of that HFCC code, if there is one. */
	Optional<Site> find(String code);

	/**
	 * @param transmitterPowerKw each transmitter's power by name
	 * @param antennaGainDbi each antenna's constant gain by name, dBi
	 */
	record Site(String code, GeoPoint position, Map<String, Integer> transmitterPowerKw,
			Map<String, Double> antennaGainDbi) {

		public Site {
			transmitterPowerKw = Map.copyOf(transmitterPowerKw);
			antennaGainDbi = Map.copyOf(antennaGainDbi);
		}

	}

}
