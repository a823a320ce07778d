package org.waveplan.schedule;

import java.util.List;
import java.util.Optional;

import org.waveplan.schedule.FrequencyBand.Kind;

/**
 * The broadcasting bands of ITU Radio Regulations Article 5, per ITU region. Only the bands
 * allocated in a site's region are open to its slots, and only on the band's raster.
 */
final class BandPlan {

	static final int SW_RASTER_KHZ = 5;

	private static final List<FrequencyBand> REGION_1 = List.of(
			mw(531, 1602, 9), tropical("120m", 2300, 2495), tropical("90m", 3200, 3400), sw("75m", 3950, 4000),
			tropical("60m", 4750, 5060), sw("49m", 5900, 6200), sw("41m", 7200, 7450), sw("31m", 9400, 9900),
			sw("25m", 11600, 12100), sw("22m", 13570, 13870), sw("19m", 15100, 15800), sw("16m", 17480, 17900),
			sw("15m", 18900, 19020), sw("13m", 21450, 21850), sw("11m", 25670, 26100));

	private static final List<FrequencyBand> REGION_2 = List.of(
			mw(530, 1700, 10), tropical("120m", 2300, 2495), tropical("90m", 3200, 3400),
			tropical("60m", 4750, 5060), sw("49m", 5900, 6200), sw("41m", 7300, 7400), sw("31m", 9400, 9900),
			sw("25m", 11600, 12100), sw("22m", 13570, 13870), sw("19m", 15100, 15800), sw("16m", 17480, 17900),
			sw("15m", 18900, 19020), sw("13m", 21450, 21850), sw("11m", 25670, 26100));

	private static final List<FrequencyBand> REGION_3 = List.of(
			mw(531, 1602, 9), tropical("120m", 2300, 2495), tropical("90m", 3200, 3400), sw("75m", 3900, 4000),
			tropical("60m", 4750, 5060), sw("49m", 5900, 6200), sw("41m", 7200, 7450), sw("31m", 9400, 9900),
			sw("25m", 11600, 12100), sw("22m", 13570, 13870), sw("19m", 15100, 15800), sw("16m", 17480, 17900),
			sw("15m", 18900, 19020), sw("13m", 21450, 21850), sw("11m", 25670, 26100));

	private BandPlan() {
	}

	static List<FrequencyBand> bands(int ituRegion) {
		return switch (ituRegion) {
			case 1 -> REGION_1;
			case 2 -> REGION_2;
			case 3 -> REGION_3;
			default -> throw new IllegalArgumentException("ITU region must be 1, 2 or 3, not " + ituRegion);
		};
	}

	static Optional<FrequencyBand> band(int ituRegion, double khz) {
		return bands(ituRegion).stream().filter(b -> b.contains(khz)).findFirst();
	}

	static Optional<FrequencyBand> band(int ituRegion, String name) {
		return bands(ituRegion).stream().filter(b -> b.name().equalsIgnoreCase(name)).findFirst();
	}

	/**
	 * Spacing between adjacent channels at a frequency: the MW raster of the region below 2 MHz,
	 * the SW raster above, whether or not the frequency lies in an allocated band.
	 */
	static int channelSpacingKhz(int ituRegion, double khz) {
		if (khz < 2000) {
			return ituRegion == 2 ? 10 : 9;
		}
		return SW_RASTER_KHZ;
	}

	private static FrequencyBand mw(int low, int high, int raster) {
		return new FrequencyBand("MW", Kind.MW, low, high, raster, false);
	}

	private static FrequencyBand sw(String name, int low, int high) {
		return new FrequencyBand(name, Kind.SW, low, high, SW_RASTER_KHZ, false);
	}

	private static FrequencyBand tropical(String name, int low, int high) {
		return new FrequencyBand(name, Kind.SW, low, high, SW_RASTER_KHZ, true);
	}

}
