package org.waveplan.schedule;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BandPlanTest {

	@Test
	void band75mDiffersByRegion() {
		assertThat(BandPlan.band(1, "75m")).hasValueSatisfying(band -> {
			assertThat(band.lowKhz()).isEqualTo(3950);
			assertThat(band.highKhz()).isEqualTo(4000);
		});
		assertThat(BandPlan.band(3, "75m")).hasValueSatisfying(band -> {
			assertThat(band.lowKhz()).isEqualTo(3900);
			assertThat(band.highKhz()).isEqualTo(4000);
		});
		assertThat(BandPlan.band(2, "75m")).isEmpty();
		assertThat(BandPlan.band(1, 3925)).isEmpty();
		assertThat(BandPlan.band(3, 3925)).map(FrequencyBand::name).hasValue("75m");
		assertThat(BandPlan.band(2, 3975)).isEmpty();
	}

	@Test
	void band41mIsNarrowerInRegion2() {
		assertThat(BandPlan.band(2, "41m")).hasValueSatisfying(band -> {
			assertThat(band.lowKhz()).isEqualTo(7300);
			assertThat(band.highKhz()).isEqualTo(7400);
		});
		assertThat(BandPlan.band(1, 7250)).map(FrequencyBand::name).hasValue("41m");
		assertThat(BandPlan.band(2, 7250)).isEmpty();
		assertThat(BandPlan.band(2, 7300)).isPresent();
		assertThat(BandPlan.band(2, 7405)).isEmpty();
	}

	@Test
	void mediumWaveRasterIs10kHzInRegion2And9kHzElsewhere() {
		FrequencyBand region1 = BandPlan.band(1, "MW").orElseThrow();
		FrequencyBand region2 = BandPlan.band(2, "mw").orElseThrow();
		assertThat(region1.rasterKhz()).isEqualTo(9);
		assertThat(region2.rasterKhz()).isEqualTo(10);
		assertThat(BandPlan.band(3, "MW").orElseThrow().rasterKhz()).isEqualTo(9);
		assertThat(region1.channels()).startsWith(531, 540).endsWith(1602).hasSize(120);
		assertThat(region2.channels()).startsWith(530, 540).endsWith(1700).hasSize(118);
		assertThat(region1.onRaster(999)).isTrue();
		assertThat(region1.onRaster(1000)).isFalse();
		assertThat(region2.onRaster(1000)).isTrue();
	}

	@Test
	void channelSpacingFollowsTheRasterOfTheRegion() {
		assertThat(BandPlan.channelSpacingKhz(1, 999)).isEqualTo(9);
		assertThat(BandPlan.channelSpacingKhz(2, 1000)).isEqualTo(10);
		assertThat(BandPlan.channelSpacingKhz(3, 1998)).isEqualTo(9);
		assertThat(BandPlan.channelSpacingKhz(2, 6000)).isEqualTo(5);
		// outside any band, too
		assertThat(BandPlan.channelSpacingKhz(1, 8000)).isEqualTo(5);
	}

	@Test
	void shortWaveChannelsLieOnThe5kHzRaster() {
		FrequencyBand band41m = BandPlan.band(1, "41m").orElseThrow();
		FrequencyBand band31m = BandPlan.band(1, "31m").orElseThrow();
		assertThat(band41m.channels()).startsWith(7200, 7205).endsWith(7450).hasSize(51);
		assertThat(band31m.channels()).hasSize(101);
		assertThat(band41m.channels().length + band31m.channels().length).isEqualTo(152);
		assertThat(band41m.onRaster(7205)).isTrue();
		assertThat(band41m.onRaster(7207)).isFalse();
		assertThat(band41m.onRaster(7455)).isFalse();
	}

	@Test
	void tropicalBandsAreMarked() {
		assertThat(BandPlan.band(1, 4800)).hasValueSatisfying(band -> {
			assertThat(band.name()).isEqualTo("60m");
			assertThat(band.tropical()).isTrue();
		});
		assertThat(BandPlan.band(1, 6000).orElseThrow().tropical()).isFalse();
	}

	@Test
	void everyRegionHasTheSameShortWaveBandsAbove5MHz() {
		for (int region = 1; region <= 3; region++) {
			assertThat(BandPlan.bands(region)).filteredOn(band -> band.lowKhz() > 5000)
				.extracting(FrequencyBand::name)
				.containsExactly("49m", "41m", "31m", "25m", "22m", "19m", "16m", "15m", "13m", "11m");
		}
	}

	@Test
	void rejectsUnknownRegion() {
		assertThatIllegalArgumentException().isThrownBy(() -> BandPlan.bands(4));
		assertThatIllegalArgumentException().isThrownBy(() -> BandPlan.band(0, 6000));
	}

}
