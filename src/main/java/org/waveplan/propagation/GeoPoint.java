package org.waveplan.propagation;

/**
 * A place on the earth in degrees: latitude north positive, longitude east positive (-180 to 180).
 * @throws IllegalArgumentException naming the field that is out of range
 */
public record GeoPoint(double latitude, double longitude) {

	public GeoPoint {
		if (!(latitude >= -90 && latitude <= 90)) {
			throw new IllegalArgumentException("latitude " + latitude + " is outside -90 to 90 degrees");
		}
		if (!(longitude >= -180 && longitude <= 180)) {
			throw new IllegalArgumentException("longitude " + longitude + " is outside -180 to 180 degrees");
		}
	}

	double latitudeRadians() {
		return latitude * Voacap.D2R;
	}

	double longitudeRadians() {
		return longitude * Voacap.D2R;
	}

}
