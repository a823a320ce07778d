package org.waveplan.bundles;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

class FatNamesTest {

	@Test
	void neutralNamesAreNumberedFromOneAndPaddedToTheCountsWidth() {
		assertThat(FatNames.neutral(3, "mp3")).containsExactly("01.mp3", "02.mp3", "03.mp3");
		List<String> hundred = FatNames.neutral(100, "opus");
		assertThat(hundred.get(0)).isEqualTo("001.opus");
		assertThat(hundred.get(99)).isEqualTo("100.opus");
		assertThat(FatNames.neutral(0, "mp3")).isEmpty();
	}

	@Test
	void charactersFat32RefusesBecomeUnderscoresAndEndsLoseDotsAndSpaces() {
		assertThat(FatNames.sanitize("a\"b*c/d:e<f>g?h\\i|j\u0001k\u001Fl\u007Fm")).isEqualTo("a_b_c_d_e_f_g_h_i_j_k_l_m");
		assertThat(FatNames.sanitize("  News at ten. . ")).isEqualTo("News at ten");
		assertThat(FatNames.sanitize("..hidden")).isEqualTo("hidden");
		assertThat(FatNames.sanitize("two\tlines\nhere")).isEqualTo("two lines here");
	}

	@Test
	void deviceNamesAreNotLeftAsTheyAre() {
		for (String device : List.of("CON", "con", "PRN", "AUX", "NUL", "COM1", "com9", "LPT1", "LPT9", "nul.mp3",
				"Con.txt.mp3")) {
			assertThat(FatNames.sanitize(device)).as(device).isEqualTo("_" + device);
		}
		for (String fine : List.of("CONSOLE", "COM10", "LPT0", "AUXILIARY.mp3", "icon")) {
			assertThat(FatNames.sanitize(fine)).as(fine).isEqualTo(fine);
		}
		assertThat(FatNames.fromTitles(List.of("Aux"), "mp3")).containsExactly("_Aux.mp3");
	}

	@Test
	void koreanTitlesSurviveAsLongNames() {
		assertThat(FatNames.fromTitles(List.of("오늘의 소식", "북한 경제: 장마당 이야기?", "음악 * 시간"), "mp3"))
			.containsExactly("오늘의 소식.mp3", "북한 경제_ 장마당 이야기_.mp3", "음악 _ 시간.mp3");
	}

	@Test
	void aTitleMetAgainWithoutCaseIsNumbered() {
		assertThat(FatNames.fromTitles(List.of("News", "news", "NEWS", "News (2)", "뉴스", "뉴스"), "mp3"))
			.containsExactly("News.mp3", "news (2).mp3", "NEWS (3).mp3", "News (2) (2).mp3", "뉴스.mp3", "뉴스 (2).mp3");
	}

	@Test
	void aTitleWithNothingLeftTakesTheNeutralNameOfItsPlace() {
		assertThat(FatNames.fromTitles(List.of("  ", "Morning", ". . ."), "mp3"))
			.containsExactly("01.mp3", "Morning.mp3", "03.mp3");
	}

	@Test
	void longTitlesAreCutTo255Utf16UnitsNeverInsideASurrogatePair() {
		String name = FatNames.fromTitles(List.of("가".repeat(300)), "mp3").get(0);
		assertThat(name).hasSize(255).endsWith("가.mp3");
		// 😀 is two UTF-16 units: 251 units for the stem would split one
		String emoji = FatNames.fromTitles(List.of("😀".repeat(200)), "mp3").get(0);
		assertThat(emoji.length()).isLessThanOrEqualTo(255);
		assertThat(emoji).isEqualTo("😀".repeat(125) + ".mp3");
		List<String> twice = FatNames.fromTitles(Collections.nCopies(2, "가".repeat(300)), "mp3");
		assertThat(twice.get(1)).hasSize(255).endsWith(" (2).mp3");
		assertThat(twice.get(0).toUpperCase()).isNotEqualTo(twice.get(1).toUpperCase());
	}

	@Test
	void pathsFat32WouldNotTakeAsTheyAreAreRefused() {
		for (String bad : List.of("", "a:b.mp3", "CON.mp3", "x/../y.mp3", "/abs.mp3", "dir//a.mp3", "a.mp3.",
				"a\\b.mp3", "a".repeat(256) + ".mp3", ("b".repeat(200) + "/").repeat(2) + "c.mp3")) {
			assertThatThrownBy(() -> FatNames.requireSafePath(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
		}
		assertThatNoException().isThrownBy(() -> FatNames.requireSafePath("오늘의 소식/01.mp3"));
		assertThatNoException().isThrownBy(() -> FatNames.requireSafePath("a".repeat(251) + ".mp3"));
	}

}
