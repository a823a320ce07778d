package org.waveplan.propagation;

/**
 * A sample area of the path (VOACAP's control point): where the ionosphere is looked up. Angles in radians:
 * the distance from the transmitter along the path, geographic latitude (north positive) and longitude (east
 * positive, -pi to pi), geomagnetic latitude in VOACAP's tilted frame, and the magnetic field there at 300 km.
 */
record ControlPoint(double distance, double latitude, double longitude, double geomagneticLatitude,
		MagneticField field) {

	double distanceKm() {
		return distance * Voacap.EARTH_RADIUS_KM;
	}

	/** Longitude east, 0 to 2 pi, as the maps take it. */
	double eastLongitude() {
		return Voacap.eastLongitude(longitude);
	}

}
