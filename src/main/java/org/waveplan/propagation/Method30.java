package org.waveplan.propagation;

import java.util.ArrayList;
import java.util.List;

/**
 * VOACAP's method 30 (LUFFY and below) for one circuit: per hour and frequency the modes, their losses and
 * distributions, and the most reliable one; short path below 7,000 km, long path from 10,000 km, the two blended
 * in between.
 */
final class Method30 {

	private final PathIonosphere ionosphere;

	private final ReceiverNoise noise;

	private final double powerDbw;

	private final double gainsDbi;

	/** Whether each control point is on land (its ground constants). */
	private final boolean[] land;

	Method30(PathIonosphere ionosphere, ReceiverNoise noise, double powerKw, double transmitGainDbi,
			double receiveGainDbi) {
		this.ionosphere = ionosphere;
		this.noise = noise;
		this.powerDbw = 10. * Math.log10(powerKw * 1000.);
		this.gainsDbi = transmitGainDbi + receiveGainDbi;
		List<ControlPoint> points = ionosphere.path().controlPoints();
		this.land = new boolean[points.size()];
		for (int i = 0; i < land.length; i++) {
			land[i] = ionosphere.maps().land(points.get(i).latitude(), points.get(i).longitude());
		}
	}

	List<CircuitPrediction.Frequency> at(int utcHour, CircuitMuf muf, double[] frequencies) {
		PathGeometry path = ionosphere.path();
		double pathKm = path.distanceKm();
		Ionosphere[] points = ionosphere.at(utcHour);
		SampleArea[] areas = SampleArea.of(points);
		int controlling = muf.controllingArea();
		SampleArea area = muf.profiledArea();
		ElectronDensityProfile profile = new ElectronDensityProfile(area);
		Ionogram ionogram = Ionogram.of(area, profile);
		Reflectrix reflectrix = Reflectrix.of(ionogram, Reflectrix.angles(pathKm, Propagation.MINIMUM_ELEVATION));
		DeviativeLoss loss = DeviativeLoss.of(ionogram, area, profile.f1(), muf);
		SignalDistribution signal = SignalDistribution.of(path, points, areas, ionosphere.maps(), ionogram,
				area.e().criticalFrequency(), muf);
		double gyrofrequency = points[2 * controlling].magnetic().gyrofrequency();
		double receiverF2 = areas[areas.length - 1].f2().criticalFrequency();
		List<CircuitPrediction.Frequency> predictions = new ArrayList<>();
		for (double frequency : frequencies) {
			RaySet rays = RaySet.of(frequency, ionogram, reflectrix, loss, profile.f1().present(),
					area.f2().criticalFrequency(), Propagation.MINIMUM_ELEVATION);
			int[] hops = HopModes.hops(pathKm, rays, muf);
			List<PathMode> modes = new ArrayList<>();
			for (int hop = hops[0]; hop <= hops[1]; hop++) {
				HopSlots slots = HopSlots.of(hop, frequency, pathKm,
						HopModes.of(pathKm / hop, frequency, rays, Propagation.MINIMUM_ELEVATION), muf, area,
						profile.f1(), ionogram, loss);
				for (HopModes.Mode mode : slots.modes()) {
					if (mode != null && mode.virtualHeight() > 0) {
						modes.add(ModeLoss.of(mode, slots.layers(), hop, pathKm, frequency,
								area.e().criticalFrequency(), gyrofrequency, signal,
								groundLoss(mode.takeOff(), frequency), powerDbw, gainsDbi));
					}
				}
			}
			ReceiverNoise.Noise atReceiver = noise.at(utcHour, frequency, receiverF2);
			if (modes.isEmpty()) {
				predictions.add(new CircuitPrediction.Frequency(frequency, "", 0., Double.NaN, Double.NaN));
				continue;
			}
			Reliability reliability = Reliability.of(modes, atReceiver, 0.);
			predictions.add(new CircuitPrediction.Frequency(frequency, reliability.modeName(),
					reliability.reliability(), reliability.snr(), reliability.signalPower()));
		}
		return predictions;
	}

	/** REGMOD's ground loss: the mean over the control points at a take-off angle, degrees. */
	private double groundLoss(double takeOff, double frequency) {
		double elevation = Math.min(takeOff * Voacap.D2R, 89.99 * Voacap.D2R);
		double sum = 0;
		for (boolean onLand : land) {
			sum += GroundReflection.loss(onLand, elevation, frequency);
		}
		return sum / land.length;
	}

}
