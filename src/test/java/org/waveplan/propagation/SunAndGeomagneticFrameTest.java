package org.waveplan.propagation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.waveplan.propagation.Voacap.D2R;
import static org.waveplan.propagation.Voacap.R2D;

/** The sun, local time and the geomagnetic frame against what is known of them. */
class SunAndGeomagneticFrameTest {

	@Test
	void theSunIsOverheadAtNoonWhereItsDeclinationIs() {
		// March runs from -7.88 to 4.21 degrees: at the equator VOACAP takes the farther, -7.88
		assertThat(Sun.zenithAngle(3, 12, 0, 0) * R2D).isCloseTo(7.88, within(1e-6));
		assertThat(Sun.zenithAngle(3, 24, 0, 0) * R2D).isCloseTo(180 - 7.88, within(1e-6));
		// at 23.45 N in June the farther of 21.93 and 23.45 is 21.93
		assertThat(Sun.zenithAngle(6, 12, 23.45 * D2R, 0) * R2D).isCloseTo(23.45 - 21.93, within(1e-6));
		// noon moves west with UT: 90 E at 6 UT
		assertThat(Sun.zenithAngle(6, 6, 23.45 * D2R, 90 * D2R) * R2D).isCloseTo(23.45 - 21.93, within(1e-6));
		// sunrise: a quarter turn from noon at the equator in September (8.55 to -2.86: 8.55 is farther)
		assertThat(Sun.zenithAngle(9, 6, 0, 0) * R2D).isCloseTo(90, within(1e-6));
	}

	@Test
	void localMeanTimeFollowsLongitude() {
		assertThat(LocalMeanTime.atControlPoint(12, 90 * D2R)).isCloseTo(18, within(1e-6));
		assertThat(LocalMeanTime.atControlPoint(2, -45 * D2R)).isCloseTo(23, within(1e-6));
		assertThat(LocalMeanTime.atControlPoint(24, 0)).isEqualTo(24);
		assertThat(LocalMeanTime.atControlPoint(17, 90 * D2R)).isCloseTo(23, within(1e-6));
		assertThat(LocalMeanTime.atSite(24, 125.75)).isCloseTo(8.3833333, within(1e-6));
		assertThat(LocalMeanTime.atSite(1, -69.0)).isCloseTo(20.4, within(1e-6));
		assertThat(LocalMeanTime.voacapHour(0)).isEqualTo(24);
		assertThat(LocalMeanTime.voacapHour(23)).isEqualTo(23);
		assertThatThrownBy(() -> LocalMeanTime.voacapHour(24)).hasMessageStartingWith("hour 24");
	}

	@Test
	void geomagneticLatitudeIsMeasuredFromVoacapsPole() {
		GeomagneticPole pole = GeomagneticPole.VOACAP;
		assertThat(pole.latitudeOf(79.5 * D2R, -69 * D2R) * R2D).isCloseTo(90, within(1e-4));
		// along the pole's meridian, geomagnetic latitude is geographic latitude shifted by the pole's tilt
		assertThat(pole.latitudeOf(0, -69 * D2R) * R2D).isCloseTo(10.5, within(1e-6));
		assertThat(pole.latitudeOf(0, 111 * D2R) * R2D).isCloseTo(-10.5, within(1e-6));
		// Korea lies some 10 degrees lower geomagnetically than geographically, northern Europe a little higher
		assertThat(pole.latitudeOf(39.02 * D2R, 125.75 * D2R) * R2D).isBetween(28., 31.);
		assertThat(pole.latitudeOf(52.65 * D2R, 12.91 * D2R) * R2D).isBetween(52., 55.);
	}

}
