package org.waveplan.propagation;

/**
 * Where a circuit's hops are reflected, as VOACAP's IONSET arranges its control points for the MUF and the modes:
 * each sample area takes the E and F1 layers from a control point near an end and the F2 layer from one farther in
 * (the traditional rule). One control point gives one area; three give two (E and F1 at 1000 km from each end, F2
 * from the middle); five give three (E and F1 at 1000 km from each end with F2 at 2000 km, and the middle with all
 * three). The layers are then made consistent: an F1 within 0.2 MHz of foE or of foF2 is dropped, F1's peak is not
 * above F2's, and F2's semi-thickness keeps its base 2 km above E's peak.
 *
 * @param e the E layer
 * @param f1 the F1 layer, or {@link Layer#NONE}
 * @param f2 the F2 layer
 */
record SampleArea(Layer e, Layer f1, Layer f2) {

	private static final double F1_SEPARATION = 0.2;

	/** IONSET: the sample areas of one hour from the ionosphere at each control point (1, 3 or 5 of them). */
	static SampleArea[] of(Ionosphere[] points) {
		return switch (points.length) {
			case 1 -> new SampleArea[] { area(points[0], points[0]) };
			case 3 -> new SampleArea[] { area(points[0], points[1]), area(points[2], points[1]) };
			case 5 -> new SampleArea[] { area(points[0], points[1]), area(points[2], points[2]),
					area(points[4], points[3]) };
			default -> throw new IllegalArgumentException(points.length + " control points: VOACAP has 1, 3 or 5");
		};
	}

	private static SampleArea area(Ionosphere lower, Ionosphere upper) {
		Layer e = lower.e();
		Layer f1 = lower.f1();
		Layer f2 = upper.f2();
		if (f1.present()) {
			if (f1.criticalFrequency() - e.criticalFrequency() <= F1_SEPARATION
					|| f2.criticalFrequency() - f1.criticalFrequency() <= F1_SEPARATION) {
				f1 = Layer.NONE;
			}
			else if (f1.height() > f2.height()) {
				f1 = new Layer(f1.criticalFrequency(), f2.height(), f1.semiThickness());
			}
		}
		double thickest = f2.height() - e.height() - 2;
		if (f2.semiThickness() > thickest) {
			f2 = new Layer(f2.criticalFrequency(), f2.height(), thickest);
		}
		return new SampleArea(e, f1, f2);
	}

}
