package org.waveplan.propagation;

/**
 * The critical frequency of sporadic E from its maps, MHz, before VOACAP's multiplier (0.7 by default, the fourth
 * value of its FPROB card; 0 turns sporadic E off).
 */
record SporadicE(double lowerDecile, double median, double upperDecile) {
}
