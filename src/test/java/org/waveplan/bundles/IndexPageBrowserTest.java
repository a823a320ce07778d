package org.waveplan.bundles;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.waveplan.web.HeadlessChromium;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bundle of two demo episodes, one named from its Korean title, unpacked as onto a card and its {@code index.html}
 * opened from {@code file://} in headless Chromium, with no server and no network: every audio element loads its
 * file's metadata, every link names a file that is there.
 */
class IndexPageBrowserTest {

	static WebDriver browser;

	@TempDir
	Path dir;

	@BeforeAll
	static void startBrowser() {
		browser = HeadlessChromium.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void everyAudioElementLoadsItsFileOpenedFromTheCard() throws IOException {
		List<Path> audio = List.of(Path.of("audio-samples", "news-bulletin-mono.mp3"),
				Path.of("audio-samples", "line-up-tones-stereo.mp3"));
		List<String> names = FatNames.fromTitles(List.of("오늘의 소식: 아침", "Line-up & tones"), "mp3");
		List<BundleItem> items = List.of(new BundleItem("뉴스", "오늘의 소식: 아침", Duration.ofSeconds(31), names.get(0)),
				new BundleItem("Tests <1>", "Line-up & tones", Duration.ofSeconds(30), names.get(1)));
		Path zip = dir.resolve("bundle.zip");
		BundleArchive.write(BundleContents.of(items, audio, "ko"), zip);
		Path card = unzip(zip, dir.resolve("card"));

		browser.get(card.resolve(IndexPage.NAME).toUri().toString());
		assertThat(browser.getTitle()).isEqualTo("녹음 모음");
		List<WebElement> players = browser.findElements(By.tagName("audio"));
		assertThat(players).hasSize(2);
		// preload="none" keeps a page of many episodes from reading them all: ask for the metadata as a click would
		JavascriptExecutor js = (JavascriptExecutor) browser;
		js.executeScript("document.querySelectorAll('audio').forEach(a => { a.preload = 'metadata'; a.load(); });");
		List<?> states = new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
			List<?> s = (List<?>) js.executeScript(
					"return [...document.querySelectorAll('audio')].map(a => a.error ? -1 : a.readyState);");
			return s.stream().allMatch(r -> ((Number) r).intValue() != 0) ? s : null;
		});
		assertThat(states).as("readyState of each audio element (-1: an error)")
			.allSatisfy(r -> assertThat(((Number) r).intValue()).isGreaterThanOrEqualTo(1));
		@SuppressWarnings("unchecked")
		List<Number> durations = (List<Number>) js
			.executeScript("return [...document.querySelectorAll('audio')].map(a => a.duration);");
		assertThat(durations.get(0).doubleValue()).isCloseTo(31.0, org.assertj.core.data.Offset.offset(1.0));
		assertThat(durations.get(1).doubleValue()).isCloseTo(30.0, org.assertj.core.data.Offset.offset(1.0));

		List<Path> linked = browser.findElements(By.cssSelector("a[href]"))
			.stream()
			.map(a -> Path.of(URI.create(a.getAttribute("href"))))
			.toList();
		assertThat(linked).containsExactly(card.resolve("오늘의 소식_ 아침.mp3"), card.resolve("Line-up & tones.mp3"));
		assertThat(linked).allSatisfy(p -> assertThat(p).exists());
		assertThat(Files.readAllBytes(linked.get(0))).isEqualTo(Files.readAllBytes(audio.get(0)));
	}

	private static Path unzip(Path zip, Path to) throws IOException {
		try (ZipFile file = new ZipFile(zip.toFile())) {
			for (ZipEntry entry : Collections.list(file.entries())) {
				Path target = to.resolve(entry.getName());
				Files.createDirectories(target.getParent());
				try (InputStream in = file.getInputStream(entry)) {
					Files.copy(in, target);
				}
			}
		}
		return to;
	}

}
