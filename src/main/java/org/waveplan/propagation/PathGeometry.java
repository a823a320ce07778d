package org.waveplan.propagation;

import java.util.List;

import static org.waveplan.propagation.Voacap.EARTH_RADIUS_KM;
import static org.waveplan.propagation.Voacap.PI;
import static org.waveplan.propagation.Voacap.PI2;
import static org.waveplan.propagation.Voacap.PIO2;
import static org.waveplan.propagation.Voacap.R2D;
import static org.waveplan.propagation.Voacap.acos;
import static org.waveplan.propagation.Voacap.sign;

/**
 * A circuit's great-circle geometry as VOACAP's GEOM computes it: on a sphere of 6370 km, the distance (radians),
 * the azimuths at both ends (degrees clockwise from north) and the control points. A long path goes the other way
 * round: its distance is the circumference less the short one.
 * <p>
 * The control points lie at fixed distances from the ends: one at the middle of a path up to 2000 km; three (1000 km
 * from each end for the E layer, the middle for all layers) up to 4000 km; beyond that five: 1000 km from each end
 * (E), 2000 km from each end (F) and the middle (all layers). A receiver within 0.03 degrees of the transmitter in both
 * latitude and longitude is moved 0.03 degrees towards the equator in latitude, as VOACAP does; {@link #receiver()}
 * is where it was computed.
 */
record PathGeometry(GeoPoint transmitter, GeoPoint receiver, boolean longPath, double distance,
		double azimuthAtTransmitter, double azimuthAtReceiver, List<ControlPoint> controlPoints) {

	private static final double NEAR_POLE = 1.E-7;

	private static final double CLOSEST_DEGREES = .03;

	private static final double ONE_CONTROL_POINT_KM = 2000.01;

	private static final double THREE_CONTROL_POINTS_KM = 4000.;

	static PathGeometry shortPath(GeoPoint transmitter, GeoPoint receiver) {
		return of(transmitter, receiver, false);
	}

	static PathGeometry longPath(GeoPoint transmitter, GeoPoint receiver) {
		return of(transmitter, receiver, true);
	}

	double distanceKm() {
		return distance * EARTH_RADIUS_KM;
	}

	private static PathGeometry of(GeoPoint transmitter, GeoPoint requested, boolean longPath) {
		GeoPoint receiver = apart(transmitter, requested);
		double tLat = transmitter.latitudeRadians();
		double rLat = receiver.latitudeRadians();
		double tLon = Math.abs(transmitter.latitude()) > 89.9 ? 0 : transmitter.longitudeRadians();
		double rLon = Math.abs(receiver.latitude()) > 89.9 ? 0 : receiver.longitudeRadians();

		double dLon = tLon - rLon;
		if (Math.abs(dLon) > PI) {
			dLon -= sign(PI2, dLon);
		}
		if (longPath) {
			dLon -= sign(PI2, dLon);
		}
		double gcd = acos(Math.sin(tLat) * Math.sin(rLat) + Math.cos(tLat) * Math.cos(rLat) * Math.cos(dLon));
		// VOACAP's least distance, 31.85 m
		gcd = Math.max(gcd, .000001);
		if (longPath) {
			gcd = PI2 - gcd;
		}

		double btr;
		if (Math.cos(tLat) <= NEAR_POLE) {
			btr = tLat <= 0 ? 0 : PI;
		}
		else {
			btr = acos((Math.sin(rLat) - Math.sin(tLat) * Math.cos(gcd)) / (Math.cos(tLat) * Math.sin(gcd)));
		}
		if (dLon > 0) {
			btr = PI2 - btr;
		}
		double brt;
		if (Math.cos(rLat) <= NEAR_POLE) {
			brt = rLat <= 0 ? 0 : PI;
		}
		else {
			brt = acos((Math.sin(tLat) - Math.sin(rLat) * Math.cos(gcd)) / (Math.cos(rLat) * Math.sin(gcd)));
		}
		if (dLon < 0) {
			brt = PI2 - brt;
		}

		double[] distances = controlDistances(gcd);
		ControlPoint[] points = new ControlPoint[distances.length];
		for (int i = 0; i < distances.length; i++) {
			points[i] = controlPoint(distances[i], tLat, tLon, rLon, btr, dLon);
		}
		return new PathGeometry(transmitter, receiver, longPath, gcd, btr * R2D, brt * R2D, List.of(points));
	}

	private static GeoPoint apart(GeoPoint transmitter, GeoPoint receiver) {
		if (Math.abs(transmitter.latitude() - receiver.latitude()) <= CLOSEST_DEGREES
				&& Math.abs(transmitter.longitude() - receiver.longitude()) <= CLOSEST_DEGREES) {
			double moved = transmitter.latitude() - (receiver.latitude() < 0 ? -CLOSEST_DEGREES : CLOSEST_DEGREES);
			return new GeoPoint(Math.max(-90, Math.min(90, moved)), receiver.longitude());
		}
		return receiver;
	}

	private static double[] controlDistances(double gcd) {
		double km = gcd * EARTH_RADIUS_KM;
		double d1000 = 1000. / EARTH_RADIUS_KM;
		if (km <= ONE_CONTROL_POINT_KM) {
			return new double[] { gcd / 2. };
		}
		if (km <= THREE_CONTROL_POINTS_KM) {
			return new double[] { d1000, gcd / 2., gcd - d1000 };
		}
		return new double[] { d1000, d1000 + d1000, gcd / 2., gcd - (d1000 + d1000), gcd - d1000 };
	}

	/** The point at a distance along the path from the transmitter, setting off at azimuth btr (GEOM). */
	private static ControlPoint controlPoint(double drf, double tLat, double tLon, double rLon, double btr,
			double dLon) {
		double lat;
		double lon;
		if (Math.cos(tLat) < NEAR_POLE) {
			lat = tLat - sign(drf, tLat);
			if (Math.abs(lat) > PIO2) {
				lat = sign(PIO2, lat);
			}
			lon = rLon;
		}
		else {
			lat = PIO2 - acos(Math.cos(drf) * Math.sin(tLat) + Math.sin(drf) * Math.cos(tLat) * Math.cos(btr));
			if (Math.cos(lat) <= NEAR_POLE) {
				lon = tLon;
			}
			else {
				lon = acos((Math.cos(drf) - Math.sin(lat) * Math.sin(tLat)) / (Math.cos(lat) * Math.cos(tLat)));
				if (drf >= PI) {
					lon = PI2 - lon;
				}
				lon = tLon - sign(lon, dLon);
				if (Math.abs(lon) > PI) {
					lon -= sign(PI2, lon);
				}
			}
		}
		return new ControlPoint(drf, lat, lon, GeomagneticPole.VOACAP.latitudeOf(lat, lon));
	}

}
