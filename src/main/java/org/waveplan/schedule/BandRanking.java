package org.waveplan.schedule;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.waveplan.propagation.PredictionParameters;
import org.waveplan.propagation.TargetPrediction;
import org.waveplan.shared.ProblemException;

/**
 * Which broadcasting band reaches a target from a transmitter at a slot's hours: each shortwave band the transmitter
 * can tune, predicted at its middle channel at the target's CIRAF test points, best first.
 */
@Service
class BandRanking {

	private final SiteRepository sites;

	private final TransmitterRepository transmitters;

	private final SlotReach reach;

	private final TransactionTemplate readOnly;

	BandRanking(SiteRepository sites, TransmitterRepository transmitters, SlotReach reach,
			PlatformTransactionManager transactions) {
		this.sites = sites;
		this.transmitters = transmitters;
		this.reach = reach;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	record Query(String site, String transmitter, int start, int stop, CirafZones targets, YearMonth month, Double ssn) {

		/**
		 * A query as people write it: HH:MM times, a CIRAF expression, {@code month} yyyy-MM (default the middle month of
		 * the season in force), {@code ssn} (default the month's); or a refusal naming every bad field.
		 */
		static Query parse(String site, String transmitter, String start, String stop, String targets, String month,
				String ssn, Clock clock) {
			FieldErrors errors = new FieldErrors();
			AirTime air = AirTime.parse(start, stop, targets, errors);
			PredictionParameters read = new PredictionParameters();
			YearMonth yearMonth = month == null || month.isBlank() ? seasonMonth(clock) : read.month("month", month, clock);
			Double givenSsn = read.ssn("ssn", ssn);
			errors.addAll(read);
			errors.throwIfAny();
			return new Query(site, transmitter, air.start(), air.stop(), air.targets(), yearMonth, givenSsn);
		}

	}

	/** Per hour the target's median MUF and FOT, and the band's median and worst test point's reliability. */
	record BandHour(int utcHour, double muf, double fot, double medianReliability, double worstReliability) {
	}

	/** A band over the hours (a point's reliability: the mean of its hours'), predicted at {@code mhz}. */
	record RankedBand(String band, double mhz, double medianReliability, double worstReliability, Double medianSnrDb,
			List<BandHour> hours) {
	}

	record Answer(String site, String transmitter, String targets, String month, double ssn, List<Integer> utcHours,
			double powerKw, int testPoints, List<RankedBand> bands) {
	}

	/** What the database tells of the transmitter: where it is, how strong, the bands' middles it tunes. */
	private record Tuned(Site site, double powerKw, List<FrequencyBand> bands, List<Double> middles) {
	}

	/** Read in a short transaction; the engine runs after it, holding no connection. */
	Answer rank(Query query) {
		Tuned tuned = readOnly.execute(status -> tuned(query));
		double ssn = reach.ssn(query.month(), query.ssn());
		List<FrequencyBand> bands = tuned.bands();
		List<Double> middles = tuned.middles();
		List<Integer> hours = SlotReach.hours(query.start(), query.stop());
		SlotReach.checkWork(query.targets(), hours.size(), middles.size());
		TargetPrediction prediction = reach.predict(tuned.site(), tuned.powerKw(), 0, query.targets(),
				query.month(), ssn, hours, middles);
		List<RankedBand> ranked = new ArrayList<>();
		for (int b = 0; b < bands.size(); b++) {
			double mhz = middles.get(b);
			TargetPrediction.Frequency overall = prediction.overall(mhz);
			List<BandHour> byHour = new ArrayList<>();
			for (TargetPrediction.Hour hour : prediction.hours()) {
				TargetPrediction.Frequency at = hour.frequencies().get(b);
				byHour.add(new BandHour(hour.utcHour(), hour.muf(), hour.fot(), at.medianReliability(),
						at.worstReliability()));
			}
			ranked.add(new RankedBand(bands.get(b).name(), mhz, overall.medianReliability(), overall.worstReliability(),
					overall.medianSnrDb(), byHour));
		}
		ranked.sort(Comparator.comparingDouble(RankedBand::medianReliability)
			.thenComparingDouble(RankedBand::worstReliability)
			.reversed()
			.thenComparingDouble(RankedBand::mhz));
		return new Answer(query.site(), query.transmitter(), query.targets().expression(), query.month().toString(), ssn,
				hours, tuned.powerKw(), query.targets().testPoints().size(), ranked);
	}

	private Tuned tuned(Query query) {
		Site site = sites.findByCode(query.site())
			.orElseThrow(() -> ProblemException.invalid("site", "no site '" + query.site() + "'"));
		Transmitter transmitter = transmitters.findBySiteAndName(site.getCode(), query.transmitter())
			.orElseThrow(() -> ProblemException.invalid("transmitter",
					"no transmitter '" + query.transmitter() + "' at site '" + query.site() + "'"));
		List<FrequencyBand> bands = new ArrayList<>();
		List<Double> middles = new ArrayList<>();
		for (FrequencyBand band : BandPlan.bands(site.getItuRegion())) {
			int middle = middle(band);
			if (band.kind() == FrequencyBand.Kind.SW && transmitter.covers(middle)) {
				bands.add(band);
				middles.add(middle / 1000.0);
			}
		}
		if (bands.isEmpty()) {
			throw ProblemException.invalid("transmitter", "transmitter '" + query.transmitter()
					+ "' tunes no shortwave band's middle channel");
		}
		return new Tuned(site, transmitter.getPowerKw(), bands, middles);
	}

	/**
	 * The ranking over the query's hours, and its bands over the whole UTC day in the same order: a slot's band x hour
	 * picture.
	 * @param day the ranking's bands, each with its 24 hours (its figures over the whole day)
	 */
	record Day(Answer ranking, List<RankedBand> day) {
	}

	Day day(Query query) {
		Answer ranking = rank(query);
		Answer wholeDay = rank(new Query(query.site(), query.transmitter(), 0, BroadcastTime.DAY, query.targets(),
				query.month(), query.ssn()));
		List<String> order = ranking.bands().stream().map(RankedBand::band).toList();
		List<RankedBand> day = wholeDay.bands()
			.stream()
			.sorted(Comparator.comparingInt((RankedBand band) -> order.indexOf(band.band())))
			.toList();
		return new Day(ranking, day);
	}

	/** The middle month of the season in force today. */
	static YearMonth seasonMonth(Clock clock) {
		Period season = Period.of(null, null, clock);
		return SlotReach.middleMonth(season.from(), season.to());
	}

	// the channel nearest the band's middle
	private static int middle(FrequencyBand band) {
		int[] channels = band.channels();
		return channels[channels.length / 2];
	}

}
