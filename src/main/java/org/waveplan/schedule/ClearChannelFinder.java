package org.waveplan.schedule;

import java.time.DayOfWeek;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.waveplan.propagation.PredictionParameters;
import org.waveplan.propagation.TargetPrediction;
import org.waveplan.shared.ProblemException;

/**
 * Which channels a transmitter could take for a new slot: every raster frequency of the asked
 * bands that it can tune, without a hard conflict or a co-channel collision, best first (fewest
 * adjacent-channel collisions, then lowest frequency; or, ranked by reliability, the targets' predicted
 * median reliability first).
 */
@Service
class ClearChannelFinder {

	private final TransmitterRepository transmitters;

	private final ScheduleSnapshot snapshot;

	private final SlotReach reach;

	private final TransactionTemplate readOnly;

	ClearChannelFinder(TransmitterRepository transmitters, ScheduleSnapshot snapshot, SlotReach reach,
			PlatformTransactionManager transactions) {
		this.transmitters = transmitters;
		this.snapshot = snapshot;
		this.reach = reach;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * @param byReliability rank the clear channels by the targets' predicted reliability for the period's middle
	 * month, with {@code ssn} (else the month's)
	 */
	record Query(String site, String transmitter, int start, int stop, Set<DayOfWeek> days, CirafZones targets,
			List<String> bands, Period period, boolean byReliability, Double ssn) {

		/** A query as people write it (HH:MM times, a CIRAF expression), or a refusal naming every bad field. */
		static Query parse(String site, String transmitter, String start, String stop, Set<DayOfWeek> days,
				String targets, List<String> bands, Period period) {
			return parse(site, transmitter, start, stop, days, targets, bands, period, null, null);
		}

		/** The same, ranked by {@code rankBy}: {@code collisions} (the default) or {@code reliability}. */
		static Query parse(String site, String transmitter, String start, String stop, Set<DayOfWeek> days,
				String targets, List<String> bands, Period period, String rankBy, String ssn) {
			FieldErrors errors = new FieldErrors();
			boolean byReliability = "reliability".equals(rankBy);
			if (rankBy != null && !byReliability && !"collisions".equals(rankBy)) {
				errors.add("rankBy", "'" + rankBy + "' is neither collisions nor reliability");
			}
			PredictionParameters read = new PredictionParameters();
			Double givenSsn = read.ssn("ssn", ssn);
			errors.addAll(read);
			AirTime air = AirTime.parse(start, stop, targets, errors);
			errors.throwIfAny();
			return new Query(site, transmitter, air.start(), air.stop(), days, air.targets(), bands, period,
					byReliability, givenSsn);
		}

	}

	/**
	 * @param reliability ranked by reliability: the targets' median test point's, over the hours on the air, predicted
	 * at the channel's 0.1 MHz (none below 2 MHz)
	 * @param snrDb likewise the median SNR
	 */
	record Channel(int frequencyKhz, String band, int adjacentCollisions, List<String> reasons,
			@JsonInclude(JsonInclude.Include.NON_NULL) Double reliability,
			@JsonInclude(JsonInclude.Include.NON_NULL) Double snrDb) {

		Channel predicted(TargetPrediction.Frequency at) {
			return new Channel(frequencyKhz, band, adjacentCollisions, reasons, at.medianReliability(), at.medianSnrDb());
		}

	}

	/** @param month ranked by reliability: the month predicted, and its {@code ssn} */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Answer(String site, String transmitter, Period period, int considered, List<Channel> clear,
			List<Channel> blocked, String month, Double ssn) {
	}

	/** What the collision scan found, and what the predictions need of the transmitter. */
	private record Scan(Site site, double powerKw, int considered, List<Channel> clear, List<Channel> blocked) {
	}

	/**
	 * The database read in a short transaction (ranked by reliability: the sunspot number first, and the engine's
	 * work checked before the scan); the engine runs after it, holding no connection.
	 */
	Answer find(Query query) {
		YearMonth month = SlotReach.middleMonth(query.period().from(), query.period().to());
		Double ssn = query.byReliability() ? reach.ssn(month, query.ssn()) : null;
		Scan scan = readOnly.execute(status -> scan(query));
		Comparator<Channel> byCollisions = Comparator.comparingInt(Channel::adjacentCollisions)
			.thenComparingInt(Channel::frequencyKhz);
		List<Channel> clear = new ArrayList<>(scan.clear());
		if (!query.byReliability()) {
			clear.sort(byCollisions);
			return new Answer(query.site(), query.transmitter(), query.period(), scan.considered(), clear,
					scan.blocked(), null, null);
		}
		List<Channel> ranked = predicted(clear, scan, query, month, ssn);
		// to the hundredth: finer differences are below the method's accuracy, and collisions decide
		ranked.sort(Comparator.comparing((Channel c) -> c.reliability() == null ? null : Math.round(c.reliability() * 100),
				Comparator.nullsFirst(Comparator.<Long>naturalOrder()))
			.reversed()
			.thenComparing(byCollisions));
		return new Answer(query.site(), query.transmitter(), query.period(), scan.considered(), ranked, scan.blocked(),
				month.toString(), ssn);
	}

	private Scan scan(Query query) {
		Transmitter transmitter = transmitters.findBySiteAndName(query.site(), query.transmitter())
			.orElseThrow(() -> ProblemException.invalid("transmitter",
					"no transmitter '" + query.transmitter() + "' at site '" + query.site() + "'"));
		int region = transmitter.getSite().getItuRegion();
		List<FrequencyBand> bands = query.bands() == null || query.bands().isEmpty() ? BandPlan.bands(region)
				: query.bands().stream().map(name -> BandPlan.band(region, name.trim())
					.orElseThrow(() -> ProblemException.invalid("bands",
							"'" + name + "' is not a broadcasting band in ITU Region " + region))).toList();
		if (query.byReliability()) {
			// at most every tunable channel is clear: refused before the scan if even that is too much to predict
			List<Integer> tunable = bands.stream()
				.flatMapToInt(band -> Arrays.stream(band.channels()))
				.filter(transmitter::covers)
				.boxed()
				.toList();
			SlotReach.checkWork(query.targets(), SlotReach.hours(query.start(), query.stop()).size(),
					predictedAt(tunable).size());
		}
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
				(usable ? clear : blocked).add(new Channel(khz, band.name(), conflicts.size(), reasons, null, null));
			}
		}
		return new Scan(transmitter.getSite(), transmitter.getPowerKw(), considered, clear, blocked);
	}

	// predictions cost: channels 5 kHz apart share their 0.1 MHz's, all of them in as few engine calls as can be
	private List<Channel> predicted(List<Channel> channels, Scan scan, Query query, YearMonth month, double ssn) {
		List<Double> mhz = predictedAt(channels.stream().map(Channel::frequencyKhz).toList());
		if (mhz.isEmpty()) {
			return new ArrayList<>(channels);
		}
		TargetPrediction prediction = reach.predict(scan.site(), scan.powerKw(), 0, query.targets(),
				month, ssn, SlotReach.hours(query.start(), query.stop()), mhz);
		Map<Double, TargetPrediction.Frequency> byMhz = new HashMap<>();
		mhz.forEach(f -> byMhz.put(f, prediction.overall(f)));
		List<Channel> predicted = new ArrayList<>();
		for (Channel channel : channels) {
			TargetPrediction.Frequency at = byMhz.get(predictedAt(channel.frequencyKhz()));
			predicted.add(at == null ? channel : channel.predicted(at));
		}
		return predicted;
	}

	// the frequencies the channels are predicted at, each once
	private static List<Double> predictedAt(List<Integer> khz) {
		return khz.stream()
			.map(ClearChannelFinder::predictedAt)
			.filter(f -> f >= PredictionParameters.LOWEST_MHZ && f <= PredictionParameters.HIGHEST_MHZ)
			.distinct()
			.toList();
	}

	private static double predictedAt(int khz) {
		return Math.round(khz / 100.0) / 10.0;
	}

}
