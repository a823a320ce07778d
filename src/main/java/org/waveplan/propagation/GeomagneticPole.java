package org.waveplan.propagation;

/**
 * The north pole of VOACAP's geomagnetic frame, in degrees: {@code north_pole.txt} of VOACAP's database gives
 * 79.5N 69.0W (older versions had 78.5N, which changes MUF by up to 1.6 MHz). Geomagnetic latitude decides the
 * F2 height ratio, auroral absorption and the excess loss of high-latitude paths.
 */
record GeomagneticPole(double latitude, double longitude) {

	static final GeomagneticPole VOACAP = new GeomagneticPole(79.5, -69.0);

	/** The geomagnetic latitude, radians, of a point given in radians (GEOM). */
	double latitudeOf(double lat, double lon) {
		double poleLat = latitude * Voacap.D2R;
		double poleLon = longitude * Voacap.D2R;
		double cos = Math.sin(poleLat) * Math.sin(lat) + Math.cos(poleLat) * Math.cos(lat) * Math.cos(lon - poleLon);
		return Voacap.PIO2 - Voacap.acos(cos);
	}

}
