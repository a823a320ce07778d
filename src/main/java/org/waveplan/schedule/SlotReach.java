package org.waveplan.schedule;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.waveplan.propagation.Circuit;
import org.waveplan.propagation.GeoPoint;
import org.waveplan.propagation.PredictionParameters;
import org.waveplan.propagation.SunspotNumbers;
import org.waveplan.propagation.TargetPrediction;
import org.waveplan.propagation.TargetPredictions;
import org.waveplan.shared.ProblemException;

/**
 * Whether our transmissions reach their targets, by propagation's predictions at the targets' CIRAF test points over
 * the hours on the air: the bands ranked, the clear channels ranked, and a weak slot told (median reliability under
 * {@link #WEAK} for its season's middle month).
 */
@Service
class SlotReach {

	private static final Logger log = LoggerFactory.getLogger(SlotReach.class);

	/** A slot whose median test point hears it less than half its air time reaches too few. */
	static final double WEAK = 0.5;

	/**
	 * The most one ranking request asks of the engine, in circuit-hours (a test point's hour, in one engine call of up
	 * to 11 frequencies): 200 test points, a few zones, over a day at up to 11 frequencies, some 8 s of one core; the
	 * targets 1-85 (911 points) over a day took 38 s, with the clear channels' some 150 frequencies 143 s.
	 */
	static final int MAX_CIRCUIT_HOURS = 200 * 24;

	private final TargetPredictions predictions;

	private final SunspotNumbers sunspots;

	SlotReach(TargetPredictions predictions, SunspotNumbers sunspots) {
		this.predictions = predictions;
		this.sunspots = sunspots;
	}

	/**
	 * A slot's reach at its targets, or why it was not checked.
	 * @param weak median reliability under {@link #WEAK}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Reach(String month, Double ssn, Double medianReliability, Double worstReliability, Boolean weak,
			String skipped, @JsonIgnore Skip cause) {

		static Reach skipped(YearMonth month, Skip cause) {
			return new Reach(month.toString(), null, null, null, null, cause.reason(month), cause);
		}

	}

	/** Why a slot's reach was not checked. */
	enum Skip {

		OUTSIDE_METHOD("not predicted: the method is for 2 to 30 MHz"),
		NO_SUNSPOT_NUMBER("not checked: no sunspot number for "),
		ENGINE_FAILED("not predicted: the engine failed on this circuit (logged)"),
		NOT_PREDICTED_YET("not predicted yet");

		private final String reason;

		Skip(String reason) {
			this.reason = reason;
		}

		String reason(YearMonth month) {
			return this == NO_SUNSPOT_NUMBER ? reason + month : reason;
		}

	}

	/**
	 * What a slot's reach is predicted from, read off its plan (in the transaction that loaded it) so that the
	 * prediction can run after: the circuit from the site, with the slot's power (else its transmitter's) and its
	 * antenna's gain, for its dates' middle month.
	 */
	record Asked(String label, YearMonth month, double mhz, Site site, double powerKw, double gainDbi,
			CirafZones targets, List<Integer> hours) {

		static Asked of(SlotPlan plan, long slotId) {
			Transmitter transmitter = plan.transmitter();
			return new Asked(plan.label(slotId), middleMonth(plan.time().validFrom(), plan.time().validTo()),
					plan.frequencyKhz() / 1000.0, transmitter.getSite(),
					plan.powerKw() != null ? plan.powerKw() : transmitter.getPowerKw(),
					plan.antenna() == null ? 0 : plan.antenna().getGainDbi(), plan.targets(),
					SlotReach.hours(plan.time().start(), plan.time().stop()));
		}

	}

	/**
	 * The slot's reach. A month without a sunspot number, or a frequency outside 2-30 MHz, is not checked, and says
	 * so.
	 */
	Reach of(Asked asked) {
		return of(asked, new HashMap<>(), true);
	}

	/** A weak slot. */
	record Finding(long slotId, String slot, Reach reach) {
	}

	/**
	 * The weak slots among these, and what was not checked: each month without a sunspot number and how many slots
	 * it left unchecked.
	 */
	record WeakSlots(List<Finding> weak, List<String> notChecked) {
	}

	/**
	 * Predicted for {@code budget} of wall time, past which only the slots whose predictions are in memory are
	 * checked, and the others told "not predicted yet" ({@link ReachWarmer} predicts them meanwhile).
	 */
	WeakSlots weak(List<Slot> slots, Duration budget) {
		long deadline = System.nanoTime() + budget.toNanos();
		Map<YearMonth, Optional<Double>> ssn = new HashMap<>();
		Map<YearMonth, Integer> unchecked = new TreeMap<>();
		int notYet = 0;
		List<Finding> weak = new ArrayList<>();
		for (Slot slot : slots) {
			Asked asked = Asked.of(slot.plan(), slot.getId());
			Reach reach = of(asked, ssn, System.nanoTime() - deadline < 0);
			if (Boolean.TRUE.equals(reach.weak())) {
				weak.add(new Finding(slot.getId(), asked.label(), reach));
			}
			else if (reach.cause() == Skip.NO_SUNSPOT_NUMBER) {
				unchecked.merge(YearMonth.parse(reach.month()), 1, Integer::sum);
			}
			else if (reach.cause() == Skip.NOT_PREDICTED_YET) {
				notYet++;
			}
		}
		List<String> notChecked = new ArrayList<>(unchecked.entrySet()
			.stream()
			.map(e -> "no sunspot number for " + e.getKey() + ": " + e.getValue() + " slot(s) not checked (PUT /api/propagation/ssn/"
					+ e.getKey() + ")")
			.toList());
		if (notYet > 0) {
			notChecked.add(Skip.NOT_PREDICTED_YET.reason + ": " + notYet
					+ " slot(s) not checked (they are being predicted; ask again shortly)");
		}
		return new WeakSlots(weak, List.copyOf(notChecked));
	}

	// the sunspot numbers looked up once per month
	// compute: else only a prediction in memory is taken
	private Reach of(Asked asked, Map<YearMonth, Optional<Double>> ssnByMonth, boolean compute) {
		YearMonth month = asked.month();
		double mhz = asked.mhz();
		if (mhz < PredictionParameters.LOWEST_MHZ || mhz > PredictionParameters.HIGHEST_MHZ) {
			return Reach.skipped(month, Skip.OUTSIDE_METHOD);
		}
		Optional<Double> known = ssnByMonth.computeIfAbsent(month, m -> {
			try {
				return Optional.of(sunspots.of(m));
			}
			catch (ProblemException e) {
				return Optional.empty();
			}
		});
		if (known.isEmpty()) {
			return Reach.skipped(month, Skip.NO_SUNSPOT_NUMBER);
		}
		double ssn = known.get();
		TargetPredictions.Target target = target(asked.site(), asked.powerKw(), asked.gainDbi(), asked.targets(), month,
				ssn, asked.hours(), List.of(mhz));
		TargetPrediction prediction;
		try {
			prediction = compute ? predictions.predict(target) : predictions.known(target).orElse(null);
		}
		catch (RuntimeException e) {
			// the reach is advice: a circuit the engine cannot predict must not refuse the slot nor the report
			log.warn("No prediction for {}: {}", asked.label(), e.toString());
			return Reach.skipped(month, Skip.ENGINE_FAILED);
		}
		if (prediction == null) {
			return Reach.skipped(month, Skip.NOT_PREDICTED_YET);
		}
		TargetPrediction.Frequency overall = prediction.overall(mhz);
		return new Reach(month.toString(), ssn, overall.medianReliability(), overall.worstReliability(),
				overall.medianReliability() < WEAK, null, null);
	}

	TargetPrediction predict(Site site, double powerKw, double gainDbi, CirafZones targets, YearMonth month, double ssn,
			List<Integer> hours, List<Double> mhz) {
		return predictions.predict(target(site, powerKw, gainDbi, targets, month, ssn, hours, mhz));
	}

	private static TargetPredictions.Target target(Site site, double powerKw, double gainDbi, CirafZones targets,
			YearMonth month, double ssn, List<Integer> hours, List<Double> mhz) {
		return new TargetPredictions.Target(new GeoPoint(site.getLatitude(), site.getLongitude()), targets.testPoints(),
				month.getMonthValue(), ssn, hours, mhz, powerKw, gainDbi);
	}

	/**
	 * Refuses, naming {@code targets}, a request that would ask the engine for more than {@link #MAX_CIRCUIT_HOURS}:
	 * {@code hours} at each test point in one call per {@value Circuit#MAX_FREQUENCIES} of the {@code frequencies}.
	 */
	static void checkWork(CirafZones targets, int hours, int frequencies) {
		int points = targets.testPoints().size();
		int calls = (frequencies + Circuit.MAX_FREQUENCIES - 1) / Circuit.MAX_FREQUENCIES;
		long work = (long) points * hours * calls;
		if (work > MAX_CIRCUIT_HOURS) {
			throw ProblemException.invalid("targets", points + " test points over " + hours + " hour(s) at "
					+ frequencies + " frequencies: at most " + MAX_CIRCUIT_HOURS / ((long) hours * calls)
					+ " test points; narrow the target");
		}
	}

	/** The month's sunspot number, or the one given; none: a 400 naming the month. */
	double ssn(YearMonth month, Double ssn) {
		return sunspots.of(month, ssn);
	}

	/** The UTC hours a transmission from {@code start} to {@code stop} (minutes of the day) is on the air in, in order. */
	static List<Integer> hours(int start, int stop) {
		int end = stop > start ? stop : stop + BroadcastTime.DAY;
		List<Integer> hours = new ArrayList<>();
		for (int hour = start / 60; hour * 60 < end; hour++) {
			hours.add(hour % 24);
		}
		return hours;
	}

	/** The month of the middle day of a date range: a whole A season's is July, a B season's January. */
	static YearMonth middleMonth(LocalDate from, LocalDate to) {
		return YearMonth.from(from.plusDays(ChronoUnit.DAYS.between(from, to) / 2));
	}

}
