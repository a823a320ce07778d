package org.waveplan.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.waveplan.MutableClock;
import org.waveplan.security.Role;
import org.waveplan.web.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waveplan.Fixtures.slot;

/**
 * A slot's page in a real browser: its targets' band x hour reliability picture, after the live check on load too, and
 * the suggestions with their REL.
 */
@Import(MutableClock.Config.class)
class SlotReachBrowserTest extends BrowserTest {

	@Autowired
	MutableClock clock;

	@Test
	void anEngineerSeesHowEachBandReachesTheTargetsOverTheDay() {
		clock.set(Instant.parse("2026-10-20T12:00:00Z"));
		jdbc.update("delete from sunspot_number");
		fixtures().site("TAC", 1, "TX1", "TX2");
		long id = fixtures().createSlot(slot("TAC", "TX1", 9650, "13:00", "15:00"));
		put(engineer(), "/api/propagation/ssn/2026-07", Map.of("ssn", 110));
		logIn(Role.ENGINEER);
		open("/slots/" + id);
		// the live check runs on load and draws the picture again in place of the page's
		waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("live-check"), "No conflicts and no collisions."));
		WebElement picture = waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#slot-reach svg.slot-reach-picture")));
		assertThat(browser.findElements(By.cssSelector("[id=slot-reach]"))).as("swapped out of band, not added").hasSize(1);
		assertThat(browser.findElements(By.cssSelector("#live-check svg"))).isEmpty();
		List<WebElement> rows = picture.findElements(By.cssSelector("g.band-row"));
		assertThat(rows).hasSize(12);
		assertThat(picture.findElements(By.cssSelector("g.band-row.own"))).singleElement()
			.satisfies(own -> assertThat(own.getAttribute("data-band")).isEqualTo("31m"));
		assertThat(picture.findElements(By.cssSelector("rect.cell"))).hasSize(12 * 24);
		assertThat(picture.findElements(By.cssSelector("rect.on-air"))).hasSize(1);
		assertThat(picture.findElement(By.cssSelector("rect.cell title")).getAttribute("textContent")).contains("00 UTC: REL ");
		assertThat(browser.findElement(By.id("slot-reach")).getText()).contains("This slot", "0.9-1.0");
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("slot-reach")));
		shot("slot-reach");

		// the suggestions for the other transmitter (the finder counts this slot as TX1's booking): ranked by
		// reliability, each with its REL and SNR
		WebElement transmitter = browser.findElement(By.id("transmitter"));
		transmitter.clear();
		transmitter.sendKeys("TX2");
		new Select(browser.findElement(By.id("band"))).selectByValue("31m");
		browser.findElement(By.id("suggest")).click();
		List<WebElement> rel = waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#suggestions td.rel"), 10));
		assertThat(rel.get(0).getText()).matches("[01]\\.\\d\\d");
		assertThat(browser.findElement(By.id("suggestions")).getText()).contains("Ranked by the targets' predicted reliability for 2026-07");
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("suggestions")));
		shot("suggestions");
	}

}
