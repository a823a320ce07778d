package org.waveplan.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.waveplan.catalog.LoudnessPicture.Tick;

import static org.assertj.core.api.Assertions.assertThat;

class LoudnessPictureTest {

	@Test
	void anHourIsAPointPerColumnEachTheLoudestOfItsSecondsWithTenMinuteTicks() {
		List<Double> hour = new ArrayList<>(Collections.nCopies(3600, -30.0));
		hour.set(1800, -5.0);

		LoudnessPicture picture = LoudnessPicture.of(hour);

		String[] points = picture.points().split(" ");
		assertThat(points).hasSize(picture.right() - picture.left());
		// -5 LUFS is a tenth of the way down from 0 to -50
		double y = LoudnessPicture.TOP + 0.1 * (picture.bottom() - LoudnessPicture.TOP);
		assertThat(points).filteredOn(p -> p.endsWith("," + String.format(Locale.ROOT, "%.1f", y))).hasSize(1);
		assertThat(picture.times().stream().map(Tick::label)).containsExactly("0:00", "10:00", "20:00", "30:00", "40:00",
				"50:00", "1:00:00");
		assertThat(picture.levels().stream().map(Tick::label)).containsExactly("-10", "-20", "-30", "-40", "-50");
	}

	@Test
	void noCurveOrTooShortAOneIsNoPicture() {
		assertThat(LoudnessPicture.of(null)).isNull();
		assertThat(LoudnessPicture.of(List.of(-70.0, -70.0))).isNull();
	}

}
