package org.waveplan.schedule;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waveplan.shared.ProblemException;

/**
 * Which channels a transmitter could take for a new slot: every raster frequency of the asked
 * bands that it can tune, without a hard conflict or a co-channel collision, best first (fewest
 * adjacent-channel collisions, then lowest frequency).
 */
@Service
class ClearChannelFinder {

	private final TransmitterRepository transmitters;

	private final ScheduleSnapshot snapshot;

	ClearChannelFinder(TransmitterRepository transmitters, ScheduleSnapshot snapshot) {
		this.transmitters = transmitters;
		this.snapshot = snapshot;
	}

	record Query(String site, String transmitter, int start, int stop, Set<DayOfWeek> days, CirafZones targets,
			List<String> bands, Period period) {

		/** A query as people write it (HH:MM times, a CIRAF expression), or a refusal naming every bad field. */
		static Query parse(String site, String transmitter, String start, String stop, Set<DayOfWeek> days,
				String targets, List<String> bands, Period period) {
			FieldErrors errors = new FieldErrors();
			int startMinute = errors.minutes("start", start);
			int stopMinute = errors.minutes("stop", stop);
			CirafZones zones = errors.zones("targets", targets);
			if (startMinute >= 0 && (startMinute == stopMinute || startMinute == BroadcastTime.DAY)) {
				errors.add("stop", "start and stop must differ and start cannot be 24:00");
			}
			errors.throwIfAny();
			return new Query(site, transmitter, startMinute, stopMinute, days, zones, bands, period);
		}

	}

	record Channel(int frequencyKhz, String band, int adjacentCollisions, List<String> reasons) {
	}

	record Answer(String site, String transmitter, Period period, int considered, List<Channel> clear,
			List<Channel> blocked) {
	}

	@Transactional(readOnly = true)
	Answer find(Query query) {
		Transmitter transmitter = transmitters.findBySiteAndName(query.site(), query.transmitter())
			.orElseThrow(() -> ProblemException.invalid("transmitter",
					"no transmitter '" + query.transmitter() + "' at site '" + query.site() + "'"));
		int region = transmitter.getSite().getItuRegion();
		List<FrequencyBand> bands = query.bands() == null || query.bands().isEmpty() ? BandPlan.bands(region)
				: query.bands().stream().map(name -> BandPlan.band(region, name.trim())
					.orElseThrow(() -> ProblemException.invalid("bands",
							"'" + name + "' is not a broadcasting band in ITU Region " + region))).toList();
		BroadcastTime time = new BroadcastTime(query.start(), query.stop(),
				query.days() == null || query.days().isEmpty() ? Weekdays.DAILY : Weekdays.of(query.days()),
				query.period().from(), query.period().to());
		CollisionEngine engine = snapshot.load(query.period()).engine();
		List<Channel> clear = new ArrayList<>();
		List<Channel> blocked = new ArrayList<>();
		int considered = 0;
		for (FrequencyBand band : bands) {
			for (int khz : band.channels()) {
				if (!transmitter.covers(khz)) {
					continue;
				}
				considered++;
				SlotPlan plan = new SlotPlan(transmitter, null, khz, time, query.targets(), null, null, null, false,
						null);
				List<Conflict> conflicts = engine.check(plan.emission(0));
				List<String> reasons = conflicts.stream().map(c -> c.type() + ": " + c.reason()).toList();
				boolean usable = conflicts.stream().noneMatch(c -> c.hard() || c.type() == Conflict.Type.CO_CHANNEL);
				(usable ? clear : blocked).add(new Channel(khz, band.name(), conflicts.size(), reasons));
			}
		}
		clear.sort(Comparator.comparingInt(Channel::adjacentCollisions).thenComparingInt(Channel::frequencyKhz));
		return new Answer(query.site(), query.transmitter(), query.period(), considered, clear, blocked);
	}

}
