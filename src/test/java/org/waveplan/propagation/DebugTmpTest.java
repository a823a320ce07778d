package org.waveplan.propagation;
import java.util.*;
import org.junit.jupiter.api.Test;
class DebugTmpTest {
	@Test
	void one() {
		CoefficientMaps c = new CoefficientMaps();
		GeoPoint tx = new GeoPoint(52.65, 12.91), rx = new GeoPoint(35.69, 51.39);
		PathGeometry path = PathGeometry.shortPath(tx, rx);
		PathIonosphere ion = new PathIonosphere(path, 1, c.maps(1, 140));
		CircuitMuf muf = ion.muf(14, 3);
		System.out.println(muf.e() + "\n" + muf.f1() + "\n" + muf.f2() + " area " + muf.controllingArea());
		SampleArea area = muf.profiledArea();
		ElectronDensityProfile profile = new ElectronDensityProfile(area);
		Ionogram ionogram = Ionogram.of(area, profile);
		Reflectrix reflectrix = Reflectrix.of(ionogram, Reflectrix.angles(path.distanceKm(), 3));
		DeviativeLoss loss = DeviativeLoss.of(ionogram, area, profile.f1(), muf);
		RaySet rays = RaySet.of(9.5, ionogram, reflectrix, loss, profile.f1().present(), area.f2().criticalFrequency(), 3);
		rays.rays().forEach(System.out::println);
		System.out.println("max " + rays.maximumKm() + " skip " + rays.skipKm() + " hops " + Arrays.toString(HopModes.hops(path.distanceKm(), rays, muf)));
	}
}
