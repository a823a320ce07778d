package org.waveplan.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.waveplan.Fixtures;
import org.waveplan.security.Role;
import org.waveplan.web.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waveplan.Fixtures.slot;
import static org.waveplan.Fixtures.with;

/** A producer renders an airing now in a real browser: its row follows the real render job to done, unreloaded. */
class RenderBrowserTest extends BrowserTest {

	@TempDir
	Path temp;

	@Test
	void aRendersProgressBarMovesToDoneWithoutAReload() {
		LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
		fixtures().site("TAC", 1, "TX1");
		fixtures().deliveryProfile("TAC", Map.of("codec", "MP3", "bitrateKbps", 48, "sampleRate", 22050, "channels", 1,
				"preset", "am-sw"));
		// three minutes: the list may catch it running; done without a reload is what must hold
		fixtures().program("korea-today", 3);
		fixtures().queue("korea-today",
				fixtures().episode("korea-today", Fixtures.tone(temp.resolve("tone.flac"), 180), "Korea today"));
		fixtures().bindSlot(with(slot("TAC", "TX1", 7345, "20:00", "20:03"), "validFrom", tomorrow.toString(), "validTo",
				tomorrow.toString()), "korea-today");
		awaitEventsHandled();

		logIn(Role.PRODUCER);
		open("/renders");
		waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr.render-queued")));
		assertThat(browser.findElement(By.cssSelector(".renders-list")).getDomAttribute("hx-trigger")).isEqualTo("every 2s");
		shot("queued");
		// a mark on this page: a reload would lose it
		JavascriptExecutor script = (JavascriptExecutor) browser;
		script.executeScript("window.sameRendersPage = true");

		browser.findElement(By.cssSelector("tr.render-queued button[type=submit]")).click();
		// its bar, while it runs if the list catches it running
		waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr.render-running progress, tr.render-done progress")));
		shot("rendering");
		// on two shared cores a render may take longer than waitFor's half minute
		new WebDriverWait(browser, Duration.ofMinutes(2))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr.render-done progress[value='100']")));
		shot("done");
		// the same page, followed by htmx, not reloaded; and it asks no more
		assertThat(script.executeScript("return window.sameRendersPage === true")).isEqualTo(true);
		assertThat(browser.findElement(By.cssSelector(".renders-list")).getDomAttribute("hx-trigger")).isNull();
		assertThat(browser.findElement(By.cssSelector("tr.render-done")).getText()).contains("done", "MP3", "LUFS");
	}

}
