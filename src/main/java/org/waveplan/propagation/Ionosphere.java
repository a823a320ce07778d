package org.waveplan.propagation;

/**
 * The ionosphere over one point at one hour, as VOACAP evaluates it for a control point (TIMVAR, EF1VAR, F2VAR,
 * ESIND): the E, F1 and F2 layers with their heights, and what the MUF, the losses and the modes need besides.
 *
 * @param e the E layer: foE from its map (at least the night value 0.36 sqrt(1 + 0.0098 SSN)), at 110 km
 * @param f1 the F1 layer while the sun is high enough, below foF2 - 0.2 MHz
 * @param f2 foF2 (the map plus half the gyrofrequency) and the height from M(3000)F2 less the E and F1 layers'
 *     retardation
 * @param m3000 M(3000)F2
 * @param f2VirtualHeight the F2 layer's virtual height at 0.834 foF2, 1490 / M(3000)F2 - 176 km
 * @param f2Ratio the F2 layer's ratio of height of maximum to semi-thickness (at least 2)
 * @param sporadicE the sporadic E maps
 * @param magnetic modified dip and gyrofrequency
 * @param zenithAngle the sun's zenith angle, degrees
 * @param f1MaxZenithAngle the zenith angle beyond which there is no F1 layer, degrees
 * @param localTime local mean time, hours (0, 24]
 * @param absorptionIndex the D-region absorption index from foE
 */
record Ionosphere(Layer e, Layer f1, Layer f2, double m3000, double f2VirtualHeight, double f2Ratio,
		SporadicE sporadicE, MagneticDip magnetic, double zenithAngle, double f1MaxZenithAngle, double localTime,
		double absorptionIndex) {
}
