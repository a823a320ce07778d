package org.waveplan.propagation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Predicts a transmitter at every point of a target, each point one engine call per 11 frequencies, and keeps the
 * answers in memory: the same circuit asked again (a slot's answer, the conflicts, the finder over a season) costs a
 * map lookup.
 */
@Service
public class TargetPredictions {

	/**
	 * A circuit's weight on the heap, estimated: its key, map entry, prediction and hours ({@value #CIRCUIT_BYTES}
	 * bytes), and {@value #FIGURE_BYTES} bytes per figure (an hour's frequency, a record of boxed and string fields);
	 * measured, a circuit of 2 hours and 1 frequency took 766 bytes. The least recently used go first past the limit.
	 */
	static final long CIRCUIT_BYTES = 600;

	static final long FIGURE_BYTES = 110;

	private final Propagation propagation;

	private final LinkedHashMap<Circuit, CircuitPrediction> cache = new LinkedHashMap<>(1024, 0.75f, true);

	private final long cacheLimit;

	private long cachedBytes;

	private final AtomicLong computed = new AtomicLong();

	@Autowired
	TargetPredictions(Propagation propagation, PropagationProperties settings) {
		this(propagation, settings.cacheMegabytes() * 1024L * 1024L);
	}

	/** @param cacheBytes the most the kept circuits weigh */
	TargetPredictions(Propagation propagation, long cacheBytes) {
		this.propagation = propagation;
		this.cacheLimit = cacheBytes;
	}

	/**
	 * What is asked: from a transmitter to the receivers, any number of frequencies (each 2-30 MHz, the caller
	 * checks), with the receivers' antennas isotropic.
	 */
	public record Target(GeoPoint transmitter, List<GeoPoint> receivers, int month, double ssn, List<Integer> utcHours,
			List<Double> frequencies, double powerKw, double transmitGainDbi) {

		public Target {
			receivers = List.copyOf(receivers);
			utcHours = List.copyOf(utcHours);
			frequencies = List.copyOf(frequencies);
			if (receivers.isEmpty() || utcHours.isEmpty() || frequencies.isEmpty()) {
				throw new IllegalArgumentException("a target needs receivers, hours and frequencies");
			}
		}

	}

	public TargetPrediction predict(Target target) {
		return predict(target, true).orElseThrow();
	}

	/** The target's prediction if every circuit of it is in memory; nothing is computed. */
	public Optional<TargetPrediction> known(Target target) {
		return predict(target, false);
	}

	private Optional<TargetPrediction> predict(Target target, boolean compute) {
		List<TargetPrediction.Point> points = new ArrayList<>();
		for (GeoPoint receiver : target.receivers()) {
			CircuitPrediction prediction = predict(target, receiver, compute);
			if (prediction == null) {
				return Optional.empty();
			}
			points.add(new TargetPrediction.Point(receiver, prediction));
		}
		return Optional.of(new TargetPrediction(List.copyOf(points), summary(points, target)));
	}

	// the frequencies in engine calls of at most 11, their hours joined again; null: not known, not computed
	private CircuitPrediction predict(Target target, GeoPoint receiver, boolean compute) {
		List<Double> frequencies = target.frequencies();
		CircuitPrediction joined = null;
		for (int from = 0; from < frequencies.size(); from += Circuit.MAX_FREQUENCIES) {
			Circuit circuit = new Circuit(target.transmitter(), receiver, target.month(), target.ssn(),
					target.utcHours(), frequencies.subList(from, Math.min(frequencies.size(), from + Circuit.MAX_FREQUENCIES)),
					target.powerKw(), target.transmitGainDbi(), 0);
			CircuitPrediction part = cached(circuit, compute);
			if (part == null) {
				return null;
			}
			joined = joined == null ? part : join(joined, part);
		}
		return joined;
	}

	private CircuitPrediction cached(Circuit circuit, boolean compute) {
		synchronized (cache) {
			CircuitPrediction known = cache.get(circuit);
			if (known != null || !compute) {
				return known;
			}
		}
		// an engine call takes milliseconds to seconds, a target's many: never while holding a database connection
		assert !TransactionSynchronizationManager.isActualTransactionActive() : "predicting inside a transaction";
		// computed outside the lock: two callers may both compute one circuit, never wait on each other's
		CircuitPrediction prediction = propagation.predict(circuit);
		computed.incrementAndGet();
		synchronized (cache) {
			if (cache.put(circuit, prediction) == null) {
				cachedBytes += bytes(circuit);
			}
			for (var eldest = cache.entrySet().iterator(); cachedBytes > cacheLimit && eldest.hasNext();) {
				cachedBytes -= bytes(eldest.next().getKey());
				eldest.remove();
			}
		}
		return prediction;
	}

	static long bytes(Circuit circuit) {
		return CIRCUIT_BYTES + FIGURE_BYTES * circuit.utcHours().size() * Math.max(1, circuit.frequencies().size());
	}

	/** How many circuits the engine has computed, not taken from memory: what a refused request must not add to. */
	long computed() {
		return computed.get();
	}

	private static CircuitPrediction join(CircuitPrediction first, CircuitPrediction second) {
		List<CircuitPrediction.Hour> hours = new ArrayList<>();
		for (int h = 0; h < first.hours().size(); h++) {
			CircuitPrediction.Hour a = first.hours().get(h);
			List<CircuitPrediction.Frequency> frequencies = new ArrayList<>(a.frequencies());
			frequencies.addAll(second.hours().get(h).frequencies());
			hours.add(new CircuitPrediction.Hour(a.utcHour(), a.muf(), a.fot(), a.hpf(), frequencies));
		}
		return new CircuitPrediction(first.distanceKm(), hours);
	}

	private static List<TargetPrediction.Hour> summary(List<TargetPrediction.Point> points, Target target) {
		List<TargetPrediction.Hour> hours = new ArrayList<>();
		int n = points.size();
		for (int h = 0; h < target.utcHours().size(); h++) {
			double[] muf = new double[n];
			double[] fot = new double[n];
			for (int p = 0; p < n; p++) {
				CircuitPrediction.Hour hour = points.get(p).prediction().hours().get(h);
				muf[p] = hour.muf();
				fot[p] = hour.fot();
			}
			List<TargetPrediction.Frequency> frequencies = new ArrayList<>();
			for (double mhz : target.frequencies()) {
				double[] reliability = new double[n];
				List<Double> snr = new ArrayList<>();
				for (int p = 0; p < n; p++) {
					CircuitPrediction.Frequency f = TargetPrediction.at(points.get(p).prediction().hours().get(h), mhz);
					reliability[p] = f.reliability();
					snr.add(f.snrDb());
				}
				frequencies.add(new TargetPrediction.Frequency(mhz, TargetPrediction.median(reliability),
						TargetPrediction.min(reliability), TargetPrediction.medianSnr(snr)));
			}
			hours.add(new TargetPrediction.Hour(target.utcHours().get(h), TargetPrediction.median(muf),
					TargetPrediction.median(fot), List.copyOf(frequencies)));
		}
		return List.copyOf(hours);
	}

}
