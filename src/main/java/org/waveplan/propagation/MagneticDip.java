package org.waveplan.propagation;

/**
 * The magnetic field at a point 300 km up, as the ionospheric maps need it.
 *
 * @param modip Rawer's modified dip, atan(I / sqrt(cos latitude)), radians
 * @param gyrofrequency the electron gyrofrequency, MHz
 */
record MagneticDip(double modip, double gyrofrequency) {
}
