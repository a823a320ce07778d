package org.waveplan.schedule;

import java.util.Optional;

/** The rules a slot must meet on its own, before the collision engine compares it with others. */
final class SlotRules {

	private SlotRules() {
	}

	/**
	 * Why a frequency may not be used at a site without the out-of-band flag: outside every band
	 * allocated in the site's ITU region, or off the band's raster.
	 */
	static Optional<String> bandProblem(Site site, int khz) {
		Optional<FrequencyBand> band = BandPlan.band(site.getItuRegion(), khz);
		if (band.isEmpty()) {
			return Optional.of(khz + " kHz is outside every broadcasting band allocated in ITU Region "
					+ site.getItuRegion() + " (set outOfBand to use it anyway)");
		}
		if (!band.get().onRaster(khz)) {
			return Optional.of(khz + " kHz is off the " + band.get().rasterKhz() + " kHz raster of the "
					+ band.get().name() + " band (set outOfBand to use it anyway)");
		}
		return Optional.empty();
	}

	/** A frequency the slot's antenna was not built for: refused like a hard conflict. */
	static Optional<Conflict> antennaConflict(SlotPlan plan, long slotId) {
		if (plan.antenna() == null || plan.antenna().covers(plan.frequencyKhz())) {
			return Optional.empty();
		}
		return Optional.of(new Conflict(Conflict.Type.OUT_OF_RANGE, slotId, null, null,
				"%d kHz is outside antenna %s's range %d-%d kHz".formatted(plan.frequencyKhz(), plan.antenna().getName(),
						plan.antenna().getMinKhz(), plan.antenna().getMaxKhz())));
	}

}
