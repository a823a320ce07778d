package org.waveplan.propagation;

import java.util.List;

/**
 * The ionosphere along a circuit in one month at one sunspot number, hour by hour, as VOACAP's hour loop (HFMUFS)
 * prepares it before the MUF and the modes: at each control point the maps (VIRTIM), the sun and local time
 * (GEOTIM, TIMVAR) and the E, F1 and F2 layers (EF1VAR, F2VAR), then the sample areas (IONSET). What does not
 * change with the hour, each control point's magnetic field and the maps' geographic functions, is computed once.
 */
final class PathIonosphere {

	private final PathGeometry path;

	private final int month;

	private final IonosphericMaps maps;

	private final IonosphericMaps.Place[] places;

	PathIonosphere(PathGeometry path, int month, IonosphericMaps maps) {
		this.path = path;
		this.month = month;
		this.maps = maps;
		List<ControlPoint> points = path.controlPoints();
		this.places = new IonosphericMaps.Place[points.size()];
		for (int i = 0; i < places.length; i++) {
			places[i] = maps.place(points.get(i).latitude(), points.get(i).longitude());
		}
	}

	PathGeometry path() {
		return path;
	}

	IonosphericMaps maps() {
		return maps;
	}

	/** The ionosphere at each control point at a UTC hour (0-23). */
	Ionosphere[] at(int utcHour) {
		double ut = LocalMeanTime.voacapHour(utcHour);
		IonosphericMaps.Hour hour = maps.hour(ut);
		List<ControlPoint> points = path.controlPoints();
		Ionosphere[] ionospheres = new Ionosphere[places.length];
		for (int i = 0; i < places.length; i++) {
			ControlPoint point = points.get(i);
			ionospheres[i] = maps.at(hour, places[i],
					Sun.zenithAngle(month, ut, point.latitude(), point.longitude()), point.geomagneticLatitude());
		}
		return ionospheres;
	}

	/**
	 * A UTC hour (0-23) as method 30 starts from it: the ionosphere at the control points, their sample areas, and
	 * method 26 (the MUF, FOT and HPF with the lowest elevation angle allowed, degrees).
	 */
	Hour hour(int utcHour, double minimumElevation) {
		Ionosphere[] points = at(utcHour);
		SampleArea[] areas = SampleArea.of(points);
		return new Hour(points, areas, CircuitMuf.of(path, points, areas, maps, minimumElevation));
	}

	record Hour(Ionosphere[] points, SampleArea[] areas, CircuitMuf muf) {
	}

}
