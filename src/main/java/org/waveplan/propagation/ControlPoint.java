package org.waveplan.propagation;

/**
 * A sample area of the path (VOACAP's control point): where the ionosphere is looked up. Angles in radians:
 * the distance from the transmitter along the path, geographic latitude (north positive) and longitude (east
 * positive, -pi to pi) and geomagnetic latitude in VOACAP's tilted frame. (GEOM also evaluates the magnetic field
 * there, MAGVAR: that is the maps' {@code MagneticField.at(latitude, eastLongitude())}.)
 */
record ControlPoint(double distance, double latitude, double longitude, double geomagneticLatitude) {

	double distanceKm() {
		return distance * Voacap.EARTH_RADIUS_KM;
	}

	/** Longitude east, 0 to 2 pi, as the maps take it. */
	double eastLongitude() {
		return Voacap.eastLongitude(longitude);
	}

}
