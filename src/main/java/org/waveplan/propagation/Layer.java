package org.waveplan.propagation;

/**
 * A layer of the ionosphere as VOACAP models it: a critical frequency, the height of its maximum and its
 * semi-thickness. A layer that is not there (F1 at night) has all three 0.
 *
 * @param criticalFrequency MHz
 * @param height of maximum ionization, km
 * @param semiThickness km
 */
record Layer(double criticalFrequency, double height, double semiThickness) {

	static final Layer NONE = new Layer(0, 0, 0);

	boolean present() {
		return criticalFrequency > 0;
	}

}
