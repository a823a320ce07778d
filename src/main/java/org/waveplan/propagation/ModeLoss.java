package org.waveplan.propagation;

import static org.waveplan.propagation.Voacap.D2R;
import static org.waveplan.propagation.Voacap.EARTH_RADIUS_KM;
import static org.waveplan.propagation.Voacap.PIO2;

/**
 * A short-path mode's losses and signal as VOACAP's REGMOD sums them: free space over the ray's path, absorption
 * (the D-E region's below 88 km with its collision frequency, else at 100 km) and deviative loss on every hop,
 * ground reflections between hops, the excess system loss, the over-the-MUF loss of the hop (with extra loss when the
 * hop's MUF is all but never above the frequency), less the antennas' gains; and the signal's deciles, the path's
 * widened by how the over-the-MUF loss moves between the FOT and the HPF. Sporadic E obscuration is off.
 */
final class ModeLoss {

	private static final double STEEPEST = 89.99 * D2R;

	/** VOACAP's bounds on the probabilities it takes the logarithm of, and on the extra loss of a hop's MUF-day. */
	private static final double LEAST_PROBABILITY = .000001;

	private static final double MUF_DAY_EXTRA_LOSS = .0001;

	private static final double MOST_DECILE = 25.;

	private ModeLoss() {
	}

	/**
	 * REGMOD for one mode of a hop.
	 *
	 * @param mode the mode
	 * @param layers the hop's layer MUFs (index 1-3; INMUF may have put this hop's in)
	 * @param hops the hop count
	 * @param pathKm the circuit's length
	 * @param foE the controlling area's E critical frequency
	 * @param gyrofrequency at the controlling area's control point, MHz
	 * @param groundLoss the mean ground reflection loss of the path's control points at the mode's take-off angle
	 * @param powerDbw the transmitter's power
	 * @param gainsDbi the transmitting and receiving antennas' gains together
	 */
	static PathMode of(HopModes.Mode mode, LayerMuf[] layers, int hops, double pathKm, double frequency, double foE,
			double gyrofrequency, SignalDistribution signal, double groundLoss, double powerDbw, double gainsDbi) {
		double gcd = pathKm / EARTH_RADIUS_KM;
		double hop = hops;
		double bc = Absorption.gyroTerm(frequency, gyrofrequency);
		double del = Math.min(mode.takeOff() * D2R, STEEPEST);
		double cdel = Math.cos(del);
		double psi = gcd / hop * .5;
		double phe = PIO2 - psi - del;
		double path = Math.abs(2. * (mode.virtualHeight() + EARTH_RADIUS_KM * (1. - Math.cos(psi))) / Math.cos(phe)
				* hop);
		double freeSpace = 32.45 + 20. * Math.log10(path * frequency);
		double deviative = mode.deviativeLoss() * Absorption.gyroTerm(mode.verticalFrequency(), gyrofrequency);
		double absorption;
		double deviation;
		if (foE >= mode.verticalFrequency()) {
			double collisions = Absorption.collisions(mode.trueHeight());
			absorption = Absorption.ofPass(cdel, Math.min(Absorption.ABSORPTION_KM, mode.trueHeight()),
					signal.absorptionIndex(), bc, collisions);
			double ratio = Math.max(mode.verticalFrequency() / foE, signal.eRatio());
			double bending = signal.eBendingA() + signal.eBendingB() * Math.log(ratio);
			deviation = (deviative + mode.deviativeLoss() * collisions) / (bc + collisions) / Math.sin(del + psi)
					+ bending;
		}
		else {
			absorption = Absorption.ofPass(cdel, Absorption.ABSORPTION_KM, signal.absorptionIndex(), bc,
					Absorption.F_COLLISIONS);
			deviation = (deviative + mode.deviativeLoss() * Absorption.F_COLLISIONS) / (bc + Absorption.F_COLLISIONS)
					/ Math.sin(del + psi);
		}
		double twoHops = Math.min(hop, 2.);
		double loss = freeSpace + hop * (absorption + deviation) + groundLoss * (hop - 1.) + signal.systemLoss()
				- gainsDbi;

		int layer = mode.layer();
		LayerMuf muf = layers[layer];
		double sinIncidence = EARTH_RADIUS_KM * cdel / (EARTH_RADIUS_KM + mode.trueHeight());
		double cosIncidence = Math.sqrt(Math.max(0.000001, 1. - sinIncidence * sinIncidence));

		double mufDay = MufProbability.of(frequency, hopMuf(muf, gcd, hop), muf.muf(), muf);
		if (mufDay < MUF_DAY_EXTRA_LOSS) {
			double order = Math.max(-7., Math.min(-4., Math.log10(mufDay)));
			loss -= (order + 4.) * 8.;
		}
		double overMuf = overMufLoss(frequency, muf.verticalFrequency(), muf.muf(), muf, cosIncidence);
		loss += overMuf * hop;
		double ratio = muf.verticalFrequency() / muf.muf();
		double overFot = overMufLoss(frequency, muf.fot() * ratio, muf.fot(), muf, cosIncidence);
		double overHpf = overMufLoss(frequency, muf.hpf() * ratio, muf.hpf(), muf, cosIncidence);
		double lower = Math.min(signal.lowerDecile() + hop * (overFot - overMuf), MOST_DECILE);
		double upper = Math.min(signal.upperDecile() + hop * (overMuf - overHpf), MOST_DECILE);
		return new PathMode(hops, layer, layer, mode.takeOff(), mode.takeOff(), mode.virtualHeight(), loss,
				powerDbw - loss, lower, upper, mufDay);
	}

	/** The layer's MUF over a hop of this path (REGMOD's change of 1995, for the MUF-day): the secant law at it. */
	private static double hopMuf(LayerMuf muf, double gcd, double hop) {
		double psi = gcd / 2. / hop;
		double phe = Math.atan(Math.sin(psi) / (1. - Math.cos(psi) + muf.virtualHeight() / EARTH_RADIUS_KM));
		double del = PIO2 - phe - psi;
		double sphe = EARTH_RADIUS_KM * Math.cos(del) / (EARTH_RADIUS_KM + muf.trueHeight());
		return muf.verticalFrequency() / Math.sqrt(1. - sphe * sphe);
	}

	/** The over-the-MUF loss of one hop, dB, with the distribution placed at a median. */
	private static double overMufLoss(double frequency, double verticalFrequency, double median, LayerMuf muf,
			double cosIncidence) {
		double p = Math.max(MufProbability.of(frequency, verticalFrequency / cosIncidence, median, muf),
				LEAST_PROBABILITY);
		return -10. * Math.log10(p) / cosIncidence;
	}

}
