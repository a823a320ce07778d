package org.waveplan.propagation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** IONSET: which control point gives each sample area its layers, and the layers' consistency rules. */
class SampleAreaTest {

	@Test
	void eAndF1ComeFromNearTheEndsAndF2FromFartherIn() {
		Ionosphere[] five = { point(1), point(2), point(3), point(4), point(5) };
		SampleArea[] areas = SampleArea.of(five);
		assertThat(areas).extracting(a -> a.e().criticalFrequency()).containsExactly(1., 3., 5.);
		assertThat(areas).extracting(a -> a.f1().criticalFrequency()).containsExactly(4., 6., 8.);
		assertThat(areas).extracting(a -> a.f2().criticalFrequency()).containsExactly(7. + 2, 7. + 3, 7. + 4);

		SampleArea[] three = SampleArea.of(new Ionosphere[] { point(1), point(2), point(3) });
		assertThat(three).extracting(a -> a.e().criticalFrequency()).containsExactly(1., 3.);
		assertThat(three).extracting(a -> a.f2().criticalFrequency()).containsExactly(9., 9.);

		assertThat(SampleArea.of(new Ionosphere[] { point(1) })).singleElement()
			.extracting(a -> a.f2().criticalFrequency())
			.isEqualTo(8.);
		assertThatThrownBy(() -> SampleArea.of(new Ionosphere[] { point(1), point(2) }))
			.hasMessageContaining("2 control points");
	}

	@Test
	void anF1WithinTwoTenthsOfEOrF2IsDroppedAndKeptBelowF2() {
		Layer e = new Layer(3, 110, 20);
		Layer f2 = new Layer(8, 300, 100);
		assertThat(only(e, new Layer(3.19, 200, 50), f2).f1()).isEqualTo(Layer.NONE);
		assertThat(only(e, new Layer(7.81, 200, 50), f2).f1()).isEqualTo(Layer.NONE);
		assertThat(only(e, new Layer(3.25, 320, 50), f2).f1()).isEqualTo(new Layer(3.25, 300, 50));
		assertThat(only(e, new Layer(5, 200, 50), f2).f1()).isEqualTo(new Layer(5, 200, 50));
	}

	@Test
	void f2sBaseStaysTwoKilometresAboveEsPeak() {
		Layer e = new Layer(3, 110, 20);
		assertThat(only(e, Layer.NONE, new Layer(8, 250, 150)).f2()).isEqualTo(new Layer(8, 250, 138));
		assertThat(only(e, Layer.NONE, new Layer(8, 250, 100)).f2()).isEqualTo(new Layer(8, 250, 100));
	}

	private static SampleArea only(Layer e, Layer f1, Layer f2) {
		return SampleArea.of(new Ionosphere[] { ionosphere(e, f1, f2) })[0];
	}

	/** A control point whose foE is i, foF1 i + 3 and foF2 i + 7. */
	private static Ionosphere point(double i) {
		return ionosphere(new Layer(i, 110, 20), new Layer(i + 3, 200, 50), new Layer(i + 7, 300, 60));
	}

	private static Ionosphere ionosphere(Layer e, Layer f1, Layer f2) {
		return new Ionosphere(e, f1, f2, 3, 330, 3, new SporadicE(0, 0, 0), new MagneticDip(1, 1), 50, 80, 12, 0.5);
	}

}
