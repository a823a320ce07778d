package org.waveplan.propagation;

/**
 * One end of the long-path model at an hour, as LUFFY prepares it before its frequency loop (IPFG 200): the sample
 * area at the transmitter's end (VOACAP's area 1) or the receiver's (area KFX; with a single area, SETLNG's copy of
 * it), its electron density profile (LECDEN), ionogram (GENION), reflectrix (FOBBY) and deviative loss factors
 * (ALOSFV), and what SETTXR reads of the area for its losses.
 *
 * @param area the area, as the profile leaves it for the controlling one ({@link CircuitMuf#profiledArea()})
 * @param f1 whether it has an F1 layer after its profile
 * @param gyrofrequency VOACAP's GYZ(K): that of the control point numbered as the area (with five control points the
 *     receiver's end, area 3, reads the middle one, as VOACAP does), MHz
 * @param absorptionIndex SIGDIS's ABIY(K) of the area's foE ({@link Absorption#index(double)})
 */
record PathEnd(SampleArea area, Ionogram ionogram, Reflectrix reflectrix, DeviativeLoss loss, boolean f1,
		double gyrofrequency, double absorptionIndex) {

	/**
	 * @param index the area's index (0-based) among the hour's sample areas
	 * @param points the ionosphere at each control point at the hour
	 */
	static PathEnd of(int index, SampleArea[] areas, Ionosphere[] points, CircuitMuf muf, double pathKm,
			double minimumElevation) {
		SampleArea area = index == muf.controllingArea() ? muf.profiledArea() : areas[index];
		ElectronDensityProfile profile = new ElectronDensityProfile(area);
		Ionogram ionogram = Ionogram.of(area, profile);
		Reflectrix reflectrix = Reflectrix.of(ionogram, Reflectrix.angles(pathKm, minimumElevation));
		DeviativeLoss loss = DeviativeLoss.of(ionogram, area, profile.f1(), muf);
		return new PathEnd(area, ionogram, reflectrix, loss, profile.f1().present(),
				points[Math.min(index, points.length - 1)].magnetic().gyrofrequency(),
				Absorption.index(area.e().criticalFrequency()));
	}

	/** FINDF: the rays the area reflects at a frequency. */
	RaySet rays(double frequency, double minimumElevation) {
		return RaySet.of(frequency, ionogram, reflectrix, loss, f1, area.f2().criticalFrequency(), minimumElevation);
	}

}
