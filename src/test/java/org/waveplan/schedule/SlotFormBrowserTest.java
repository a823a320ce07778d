package org.waveplan.schedule;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.waveplan.security.Role;
import org.waveplan.web.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waveplan.Fixtures.slot;
import static org.waveplan.Fixtures.with;

/** The slot form in a real browser: the live check warns of a busy channel before saving, a suggestion clears it. */
class SlotFormBrowserTest extends BrowserTest {

	@Test
	void anEngineerSeesTheCollisionLiveTakesASuggestionAndSaves() {
		// no month's sunspot number (another test's may be left): the suggestions rank by collisions
		jdbc.update("delete from sunspot_number");
		fixtures().site("TAC", 1, "TX1", "TX2");
		// for the season in force, as the form's empty dates are
		long busy = fixtures().createSlot(with(slot("TAC", "TX1", 9650, "13:00", "14:00"), "validFrom", null, "validTo", null));
		logIn(Role.ENGINEER);
		open("/slots/new");
		new Select(browser.findElement(By.id("site"))).selectByValue("TAC");
		browser.findElement(By.id("transmitter")).sendKeys("TX2");
		browser.findElement(By.id("frequencyKhz")).sendKeys("9650");
		browser.findElement(By.id("start")).sendKeys("13:00");
		browser.findElement(By.id("stop")).sendKeys("14:00");
		browser.findElement(By.id("targets")).sendKeys("44");

		By liveCheck = By.id("live-check");
		waitFor(ExpectedConditions.textToBePresentInElementLocated(liveCheck, "Same channel"));
		WebElement panel = browser.findElement(liveCheck);
		assertThat(panel.getText()).contains("Collisions (1)", "slot " + busy, "same channel as");
		assertThat(panel.findElement(By.linkText("slot " + busy)).getAttribute("href")).endsWith("/slots/" + busy);
		assertThat(count("slot")).as("nothing saved while typing").isEqualTo(1);
		shot("live-collision");

		new Select(browser.findElement(By.id("band"))).selectByValue("31m");
		// a live check that starts while the suggestions are asked for (the band's change fires one 500 ms later,
		// which a loaded server does not beat) leaves them be
		((JavascriptExecutor) browser).executeScript("document.getElementById('suggest').click();"
				+ "htmx.ajax('POST', document.getElementById('slot-form').getAttribute('hx-post'),"
				+ " {source: '#slot-form', target: '#live-check'});");
		List<WebElement> suggestions = waitFor(
				ExpectedConditions.numberOfElementsToBe(By.cssSelector("#suggestions button[data-khz]"), 10));
		assertThat(suggestions.get(0).getText()).startsWith("9400 kHz");
		suggestions.get(0).click();
		assertThat(browser.findElement(By.id("frequencyKhz")).getAttribute("value")).isEqualTo("9400");
		waitFor(ExpectedConditions.textToBePresentInElementLocated(liveCheck, "No conflicts and no collisions."));
		shot("suggestion-taken");

		browser.findElement(By.id("save")).click();
		waitFor(ExpectedConditions.urlMatches("/slots/\\d+$"));
		assertThat(browser.findElement(By.cssSelector("main .message")).getText()).isEqualTo("The slot is saved.");
		Matcher id = Pattern.compile("/slots/(\\d+)$").matcher(browser.getCurrentUrl());
		assertThat(id.find()).isTrue();
		JsonNode saved = get(engineer(), "/api/slots/" + id.group(1)).getBody();
		assertThat(saved.get("site").asText()).isEqualTo("TAC");
		assertThat(saved.get("transmitter").asText()).isEqualTo("TX2");
		assertThat(saved.get("frequencyKhz").asInt()).isEqualTo(9400);
		assertThat(saved.get("start").asText()).isEqualTo("13:00");
		assertThat(saved.get("targets").asText()).isEqualTo("44");
		assertThat(saved.get("days")).hasSize(7);
		// the saved slot's page checks it on load: clear, not clashing with itself
		waitFor(ExpectedConditions.textToBePresentInElementLocated(liveCheck, "No conflicts and no collisions."));
		shot("saved");
	}

	private int count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

}
