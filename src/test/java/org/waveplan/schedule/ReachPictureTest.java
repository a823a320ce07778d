package org.waveplan.schedule;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the band x hour picture puts things: its colour steps, the slot's hours outlined, its band marked. */
class ReachPictureTest {

	@Test
	void reliabilityTakesOneOfTenStepsAndNoFigureIsGrey() {
		assertThat(ReachPicture.colour(0)).isEqualTo(ReachPicture.SCALE.get(0));
		assertThat(ReachPicture.colour(0.0999)).isEqualTo(ReachPicture.SCALE.get(0));
		assertThat(ReachPicture.colour(0.5)).as("weak ends below 0.5").isEqualTo(ReachPicture.SCALE.get(5));
		assertThat(ReachPicture.colour(0.95)).isEqualTo(ReachPicture.SCALE.get(9));
		assertThat(ReachPicture.colour(1)).isEqualTo(ReachPicture.SCALE.get(9));
		assertThat(ReachPicture.colour(Double.NaN)).isEqualTo(ReachPicture.NO_FIGURE);
	}

	@Test
	void aSlotOverMidnightIsOutlinedInTwoPiecesAndItsBandMarked() {
		List<Integer> onAir = List.of(22, 23, 0);
		BandRanking.RankedBand best = band("19m", 15.4, onAir, 0.8);
		BandRanking.RankedBand own = band("31m", 9.65, onAir, 0.3);
		BandRanking.Answer ranking = new BandRanking.Answer("TAC", "TX1", "44", "2026-07", 110, onAir, 100, 19,
				List.of(best, own));
		ReachPicture picture = ReachPicture.of(
				new BandRanking.Day(ranking, List.of(band("19m", 15.4, day(), 0.7), band("31m", 9.65, day(), 0.2))), "31m");

		assertThat(picture.onAir()).containsExactly(new ReachPicture.Outline(ReachPicture.x(0), ReachPicture.HOUR_WIDTH),
				new ReachPicture.Outline(ReachPicture.x(22), 2 * ReachPicture.HOUR_WIDTH));
		assertThat(picture.rows()).extracting(ReachPicture.Row::band).containsExactly("19m", "31m");
		assertThat(picture.rows()).extracting(ReachPicture.Row::own).containsExactly(false, true);
		assertThat(picture.rows()).extracting(ReachPicture.Row::reliability).as("over the slot's hours")
			.containsExactly(0.8, 0.3);
		assertThat(picture.rows().get(1).cells()).hasSize(24);
		assertThat(picture.rows().get(1).y()).isEqualTo(ReachPicture.AXIS_HEIGHT + ReachPicture.ROW_HEIGHT);
		assertThat(picture.columns()).filteredOn(ReachPicture.Column::onAir)
			.extracting(ReachPicture.Column::utcHour)
			.containsExactly(0, 22, 23);
		assertThat(picture.columns().get(0).kstHour()).isEqualTo(9);
		assertThat(picture.drawn()).isTrue();
		assertThat(picture.missingSunspotNumber()).isFalse();
	}

	@Test
	void withoutASunspotNumberThereIsNothingToDraw() {
		ReachPicture none = ReachPicture.noSunspotNumber(java.time.YearMonth.of(2026, 7));
		assertThat(none.drawn()).isFalse();
		assertThat(none.missingSunspotNumber()).isTrue();
		assertThat(none.month()).isEqualTo("2026-07");
	}

	private static List<Integer> day() {
		List<Integer> hours = new ArrayList<>();
		for (int h = 0; h < 24; h++) {
			hours.add(h);
		}
		return hours;
	}

	private static BandRanking.RankedBand band(String name, double mhz, List<Integer> hours, double reliability) {
		return new BandRanking.RankedBand(name, mhz, reliability, reliability / 2, 60.,
				hours.stream().map(h -> new BandRanking.BandHour(h, 20, 17, reliability, reliability / 2)).toList());
	}

}
