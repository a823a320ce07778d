package org.waveplan.propagation;

/**
 * Local mean time, hours, by longitude alone. VOACAP computes it two ways that differ at the day's edge: at a
 * control point (TIMVAR) it runs from just above 0 to 24, at the transmitter and the receiver (CNGTIM) from 0 to
 * 24 both included; the receiver's sets the hour blocks of its atmospheric noise.
 */
final class LocalMeanTime {

	private LocalMeanTime() {
	}

	/** VOACAP's hour of a UTC hour (0-23): its hours run from 1 to 24, 0 UTC being its hour 24. */
	static int voacapHour(int utcHour) {
		if (utcHour < 0 || utcHour > 23) {
			throw new IllegalArgumentException("hour " + utcHour + " is outside 0 to 23 UTC");
		}
		return utcHour == 0 ? 24 : utcHour;
	}

	/** At a control point: VOACAP's hour (1-24) and the longitude, radians, east positive; in (0, 24]. */
	static double atControlPoint(double ut, double longitude) {
		double clock = ut + longitude / .261799387;
		if (clock > 24.) {
			return clock - 24.;
		}
		return clock <= 0 ? clock + 24. : clock;
	}

	/** At a site: VOACAP's hour (1-24) and the longitude, degrees, east positive; in [0, 24] (CNGTIM). */
	static double atSite(double ut, double longitudeDegrees) {
		if (longitudeDegrees == 0) {
			return ut;
		}
		double theta = longitudeDegrees < 0 ? 360. + longitudeDegrees : longitudeDegrees;
		int halfTurns = (int) (theta / 180.);
		int turns = (int) (theta / 360.);
		double time = ut + (theta / 15.0 - halfTurns * 24. + turns * 24.);
		if (time < 0) {
			time += 24.;
		}
		time -= turns * 24.;
		while (time < 0 || time > 24.) {
			time += time < 0 ? 24. : -24.;
		}
		return time;
	}

}
