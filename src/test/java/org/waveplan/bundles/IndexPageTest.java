package org.waveplan.bundles;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndexPageTest {

	static final List<BundleItem> ITEMS = List.of(
			new BundleItem("오늘의 북한", "<script>alert('x')</script>", Duration.ofMillis(31_040), "01.mp3"),
			new BundleItem("Music & \"Talk\"", "Tom & Jerry's <b>", Duration.ofSeconds(3725), "02.mp3"),
			new BundleItem("오늘의 북한", "장마당 소식", Duration.ofHours(10).plusSeconds(5), "장마당 소식 (2).mp3"));

	static String page(String language) {
		return new String(IndexPage.of(ITEMS, language), StandardCharsets.UTF_8);
	}

	@Test
	void everyTitleIsEscaped() {
		String html = page("ko");
		assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "Tom &amp; Jerry&#39;s &lt;b&gt;",
				"<h2>Music &amp; &quot;Talk&quot;</h2>", "장마당 소식");
		assertThat(html).doesNotContain("<script", "<b>", "Tom & Jerry");
	}

	@Test
	void everyEpisodeHasAnAudioElementAndALinkToItsRelativePath() {
		String html = page("ko");
		assertThat(attributes(html, "<audio controls preload=\"none\" src=\"([^\"]*)\">"))
			.containsExactly("01.mp3", "%EC%9E%A5%EB%A7%88%EB%8B%B9%20%EC%86%8C%EC%8B%9D%20%282%29.mp3", "02.mp3");
		assertThat(attributes(html, "<a href=\"([^\"]*)\">")).containsExactly("01.mp3",
				"%EC%9E%A5%EB%A7%88%EB%8B%B9%20%EC%86%8C%EC%8B%9D%20%282%29.mp3", "02.mp3");
	}

	@Test
	void episodesAreGroupedByProgramInTheOrderProgramsFirstCome() {
		String html = page("ko");
		assertThat(attributes(html, "<h2>([^<]*)</h2>")).containsExactly("오늘의 북한", "Music &amp; &quot;Talk&quot;");
		// the third episode is under the first program, before the second program's heading
		assertThat(html.indexOf("장마당 소식")).isLessThan(html.indexOf("<h2>Music"));
		assertThat(html).contains("<p>2 편</p>", "<p>1 편</p>");
	}

	@Test
	void durationsReadHoursMinutesAndSeconds() {
		assertThat(attributes(page("en"), "<time>([^<]*)</time>")).containsExactly("0:00:31", "10:00:05", "1:02:05");
	}

	@Test
	void thePageSpeaksKoreanOrEnglishAndNamesNoOneAndNoTime() {
		String ko = page("ko");
		assertThat(ko).startsWith("<!DOCTYPE html>\n<html lang=\"ko\">").contains("<meta charset=\"utf-8\">",
				"<title>녹음 모음</title>", "파일 열기", "길이");
		String en = page("en");
		assertThat(en).contains("<html lang=\"en\">", "<title>Recordings</title>", "Open the file", "Length",
				"1 episodes");
		for (String html : List.of(ko, en)) {
			assertThat(html.toLowerCase()).doesNotContain("waveplan", "<script", "http", "generator");
			assertThat(html).as("no year").doesNotContainPattern("(?<![%\\d])(19|20)\\d\\d(?!\\d)");
		}
		assertThatThrownBy(() -> IndexPage.of(ITEMS, "fr")).hasMessageContaining("fr");
	}

	static List<String> attributes(String html, String regex) {
		Matcher m = Pattern.compile(regex).matcher(html);
		return m.results().map(r -> r.group(1)).toList();
	}

}
