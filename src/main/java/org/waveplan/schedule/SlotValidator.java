package org.waveplan.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.waveplan.schedule.FieldErrors.Place;

/**
 * The rules a slot must meet, whatever brings it (the API, its dry run, a Waveplan or HFCC file):
 * on its own, then against the others the collision engine holds. Problems are named by the API's
 * field names; a file's {@link Place} puts them where the file holds that field.
 */
@Component
class SlotValidator {

	private final ProgramCheck programs;

	SlotValidator(ProgramCheck programs) {
		this.programs = programs;
	}

	/** A program the slot carries must exist. */
	void program(String program, Place where, FieldErrors errors) {
		if (program != null && !programs.exists(program)) {
			errors.add(where, "program", "no program '" + program + "'");
		}
	}

	/** A frequency in the bands of the site's region, on their raster, unless the engineer says otherwise. */
	static void frequency(Site site, int khz, boolean outOfBand, Place where, FieldErrors errors) {
		if (!outOfBand) {
			bandProblem(site, khz).ifPresent(reason -> errors.add(where, "frequencyKhz", reason));
		}
	}

	/**
	 * The air time of a slot, or null with its problems added: a start from 00:00 to 23:59, a stop
	 * of 00:00 read as midnight at the end of the day (24:00) as HFCC files write it, start and stop
	 * apart, valid-to not before valid-from. A start or stop below 0 was not a time, and its problem
	 * is in {@code errors} already.
	 */
	static BroadcastTime time(int start, int stop, Weekdays days, LocalDate validFrom, LocalDate validTo, Place where,
			FieldErrors errors) {
		FieldErrors problems = errors.part();
		int end = stop == 0 ? BroadcastTime.DAY : stop;
		if (start == BroadcastTime.DAY) {
			problems.add(where, "start", "a slot cannot start at 24:00; use 00:00");
		}
		else if (start >= 0 && start == end) {
			problems.add(where, "stop", "start and stop are the same time");
		}
		if (validTo.isBefore(validFrom)) {
			problems.add(where, "validTo", "valid-to " + validTo + " is before valid-from " + validFrom);
		}
		if (!problems.clean() || start < 0 || stop < 0) {
			return null;
		}
		return new BroadcastTime(start, end, days, validFrom, validTo);
	}

	/** The antenna named at the site; when there is none, null and the problem in {@code errors}. */
	static Antenna antenna(Site site, String name, Place where, FieldErrors errors) {
		Antenna antenna = site.getAntennas().stream().filter(a -> a.getName().equals(name)).findFirst().orElse(null);
		if (antenna == null) {
			errors.add(where, "antenna", "no antenna '" + name + "' at " + site.getCode());
		}
		return antenna;
	}

	/** What refuses the plan among the emissions of {@code engine}: hard conflicts, an antenna out of range. */
	static List<Conflict> hardConflicts(CollisionEngine engine, SlotPlan plan, long slotId) {
		return conflicts(engine, plan, slotId).stream().filter(Conflict::hard).toList();
	}

	/** Every conflict of the plan as slot {@code slotId}: the engine's, and its antenna's range. */
	static List<Conflict> conflicts(CollisionEngine engine, SlotPlan plan, long slotId) {
		List<Conflict> conflicts = new ArrayList<>(engine.check(plan.emission(slotId)));
		antennaConflict(plan, slotId).ifPresent(conflicts::add);
		return conflicts;
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
