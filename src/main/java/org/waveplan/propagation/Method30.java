package org.waveplan.propagation;

import java.util.ArrayList;
import java.util.List;

/**
 * VOACAP's method 30 (LUFFY and below) for one circuit: per hour and frequency the modes, their losses and
 * distributions, and the most reliable one; short path below 7,000 km, long path from 10,000 km, the two blended
 * in between.
 */
final class Method30 {

	/** From here the long-path model joins the short path's (LUFFY's smoothing distances, km). */
	static final double BLEND_KM = 7000.;

	/** From here the long-path model alone (GCDLNG). */
	static final double LONG_PATH_KM = 10000.;

	private final PathIonosphere ionosphere;

	private final ReceiverNoise noise;

	private final double powerDbw;

	private final double gainsDbi;

	private final double transmitGainDbi;

	private final double receiveGainDbi;

	/** Whether each control point is on land (its ground constants). */
	private final boolean[] land;

	Method30(PathIonosphere ionosphere, ReceiverNoise noise, double powerKw, double transmitGainDbi,
			double receiveGainDbi) {
		this.ionosphere = ionosphere;
		this.noise = noise;
		this.powerDbw = 10. * Math.log10(powerKw * 1000.);
		this.gainsDbi = transmitGainDbi + receiveGainDbi;
		this.transmitGainDbi = transmitGainDbi;
		this.receiveGainDbi = receiveGainDbi;
		this.land = ionosphere.maps().land(ionosphere.path().controlPoints());
	}

	/** @param hour the hour's ionosphere, sample areas and method 26 (its controlling area as the MUF left it) */
	List<CircuitPrediction.Frequency> at(int utcHour, PathIonosphere.Hour hour, double[] frequencies) {
		Ionosphere[] points = hour.points();
		SampleArea[] areas = hour.areas();
		CircuitMuf muf = hour.muf();
		PathGeometry path = ionosphere.path();
		double pathKm = path.distanceKm();
		SampleArea area = muf.profiledArea();
		ElectronDensityProfile profile = new ElectronDensityProfile(area);
		Ionogram ionogram = Ionogram.of(area, profile);
		SignalDistribution signal = SignalDistribution.of(path, points, areas, ionosphere.maps(), ionogram,
				area.e().criticalFrequency(), muf);
		ShortPath shortPath = pathKm < LONG_PATH_KM ? new ShortPath(points, muf, profile, ionogram, signal) : null;
		LongPath longPath = pathKm >= BLEND_KM
				? LongPath.of(path, points, areas, muf, land, signal, Propagation.MINIMUM_ELEVATION)
				: null;
		double receiverF2 = areas[areas.length - 1].f2().criticalFrequency();
		List<CircuitPrediction.Frequency> predictions = new ArrayList<>();
		for (double frequency : frequencies) {
			ReceiverNoise.Noise atReceiver = noise.at(utcHour, frequency, receiverF2);
			Reliability shortModes = shortPath == null ? null : shortPath.at(frequency, atReceiver);
			Reliability prediction;
			String mode;
			if (longPath == null) {
				prediction = shortModes;
				mode = shortModes == null ? "" : shortModes.modeName();
			}
			else {
				PathMode longMode = longPath.at(frequency, powerDbw, transmitGainDbi, receiveGainDbi);
				Reliability viaLong = Reliability.of(List.of(longMode), atReceiver, 0.);
				if (shortModes != null && blended(shortModes, viaLong) < 0) {
					prediction = shortModes;
					String layer = PathMode.layerName(shortModes.best().layer());
					mode = layer + layer;
				}
				else {
					prediction = shortModes == null ? viaLong
							: smoothed(shortModes, viaLong, longMode, pathKm, atReceiver);
					mode = PathMode.layerName(longMode.layer()) + PathMode.layerName(longMode.receiveLayer());
				}
			}
			predictions.add(prediction == null ? new CircuitPrediction.Frequency(frequency, "", 0., null, null)
					: new CircuitPrediction.Frequency(frequency, mode, prediction.reliability(), prediction.snr(),
							prediction.signalPower()));
		}
		return predictions;
	}

	/** How much the long path's signal less its lower decile exceeds the short path's, dB (LUFFY's DELPOW). */
	private static double blended(Reliability shortPath, Reliability longPath) {
		return lowerEdge(longPath) - lowerEdge(shortPath);
	}

	private static double lowerEdge(Reliability reliability) {
		return reliability.signalPower() - Math.abs(reliability.lowerDecile());
	}

	/**
	 * The blend of the VOA memo of 15 January 1991 where the long path's signal is the stronger: the short path's
	 * lower edge raised towards the long path's with the distance from 7,000 km, the long path's mode carrying it.
	 */
	private static Reliability smoothed(Reliability shortPath, Reliability longPath, PathMode longMode, double pathKm,
			ReceiverNoise.Noise noise) {
		double share = (pathKm - BLEND_KM) / (LONG_PATH_KM - BLEND_KM);
		double stronger = Math.pow(10., Math.min(blended(shortPath, longPath), 375.) / 10.);
		double smooth = lowerEdge(shortPath) + 10. * Math.log10(share * (stronger - 1.) + 1.);
		double signalPower = smooth + longMode.lowerDecile();
		PathMode carried = new PathMode(longMode.hops(), longMode.layer(), longMode.receiveLayer(), longMode.takeOff(),
				longMode.receiveTakeOff(), longMode.virtualHeight(), longMode.loss() + longMode.signalPower()
						- signalPower, signalPower, longMode.lowerDecile(), longMode.upperDecile(), longMode.mufDay());
		return Reliability.of(List.of(carried), noise, 0.);
	}

	/** The short path's preparation at an hour (the controlling area's rays) and its modes per frequency. */
	private final class ShortPath {

		private final CircuitMuf muf;

		private final ElectronDensityProfile profile;

		private final Ionogram ionogram;

		private final Reflectrix reflectrix;

		private final DeviativeLoss loss;

		private final SignalDistribution signal;

		private final double gyrofrequency;

		ShortPath(Ionosphere[] points, CircuitMuf muf, ElectronDensityProfile profile, Ionogram ionogram,
				SignalDistribution signal) {
			this.muf = muf;
			this.profile = profile;
			this.ionogram = ionogram;
			this.signal = signal;
			this.reflectrix = Reflectrix.of(ionogram,
					Reflectrix.angles(ionosphere.path().distanceKm(), Propagation.MINIMUM_ELEVATION));
			this.loss = DeviativeLoss.of(ionogram, muf.profiledArea(), profile.f1(), muf);
			this.gyrofrequency = points[2 * muf.controllingArea()].magnetic().gyrofrequency();
		}

		/** The most reliable mode and the circuit's figures, or null when no mode is found. */
		Reliability at(double frequency, ReceiverNoise.Noise noise) {
			double pathKm = ionosphere.path().distanceKm();
			SampleArea area = muf.profiledArea();
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
			return modes.isEmpty() ? null : Reliability.of(modes, noise, 0.);
		}

	}

	/** REGMOD's ground loss: the mean over the control points at a take-off angle, degrees. */
	private double groundLoss(double takeOff, double frequency) {
		return GroundReflection.mean(land, Math.min(takeOff * Voacap.D2R, 89.99 * Voacap.D2R), frequency);
	}

}
