package org.waveplan.schedule;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.waveplan.SharedData;
import org.waveplan.security.Role;
import org.waveplan.web.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waveplan.Fixtures.slot;

/** An engineer imports the real A26 HFCC schedule through the page, and sees it on the band chart among our slots. */
class ScheduleChartBrowserTest extends BrowserTest {

	@Test
	void anEngineerImportsTheA26FileAndSeesThe31mChart() {
		Path a26 = SharedData.require("hfcc/A26all00.TXT").toAbsolutePath().normalize();
		fixtures().site("TAC", 1, "TX1", "TX2", "TX3");
		for (String program : new String[] { "korea-today", "evening-news", "music-box", "letters", "faith-hour" }) {
			fixtures().program(program, 60);
		}
		fixtures().bindSlot(slot("TAC", "TX1", 9410, "12:00", "14:00"), "korea-today");
		fixtures().bindSlot(slot("TAC", "TX1", 9480, "15:00", "16:30"), "music-box");
		fixtures().bindSlot(slot("TAC", "TX1", 9560, "18:00", "20:00"), "korea-today");
		fixtures().bindSlot(slot("TAC", "TX2", 9435, "20:00", "22:00"), "evening-news");
		fixtures().bindSlot(slot("TAC", "TX2", 9515, "00:00", "02:00"), "letters");
		fixtures().bindSlot(slot("TAC", "TX2", 9600, "09:00", "11:00"), "faith-hour");
		fixtures().bindSlot(slot("TAC", "TX3", 9625, "22:00", "24:00"), "music-box");
		fixtures().bindSlot(slot("TAC", "TX3", 9650, "05:00", "07:00"), "evening-news");
		fixtures().createSlot(slot("TAC", "TX3", 9450, "10:00", "11:30"));

		logIn(Role.ENGINEER);
		open("/imports");
		browser.findElement(By.id("file")).sendKeys(a26.toString());
		new Select(browser.findElement(By.id("format"))).selectByValue("hfcc");
		new Select(browser.findElement(By.id("scope"))).selectByValue("external");
		browser.findElement(By.cssSelector("form.imports-form button[type=submit]")).click();
		String summary = waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".imports-result")))
			.getText();
		assertThat(summary).contains("A26all00.TXT", "3,302 lines imported, 0 refused");
		shot("imports");

		browser.findElement(By.cssSelector("header nav a[href='/schedule']")).click();
		new Select(browser.findElement(By.id("band"))).selectByValue("31m");
		((JavascriptExecutor) browser).executeScript("document.getElementById('date').value = '2026-07-01'");
		browser.findElement(By.cssSelector("form.chart-form button[type=submit]")).click();
		waitFor(d -> d.getCurrentUrl().contains("date=2026-07-01"));
		assertThat(browser.findElements(By.cssSelector(".chart-plot a.slot rect"))).hasSizeGreaterThanOrEqualTo(9);
		assertThat(browser.findElements(By.cssSelector(".chart-plot rect.ext")).size()).as("imported entries")
			.isGreaterThan(300);
		assertThat(browser.findElements(By.cssSelector(".chart-plot rect.conflict"))).isNotEmpty();
		assertThat(browser.findElement(By.cssSelector(".chart-summary")).getText()).contains("31m", "9 of our slots");
		shot("chart-31m");

		// on a phone the chart scrolls inside its frame; the page keeps the phone's width
		browser.manage().window().setSize(new Dimension(390, 844));
		try {
			JavascriptExecutor js = (JavascriptExecutor) browser;
			assertThat((Long) js.executeScript("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
			assertThat((Long) js.executeScript(
					"const f = document.querySelector('.chart-scroll'); return f.scrollWidth - f.clientWidth"))
				.as("what the chart scrolls sideways")
				.isGreaterThan(500);
		}
		finally {
			browser.manage().window().setSize(new Dimension(1280, 1000));
		}

		// the conflicts behind the red outlines, each linking its slot
		browser.findElement(By.cssSelector("header nav a[href='/conflicts']")).click();
		assertThat(browser.findElements(By.cssSelector(".conflicts-table a[href^='/slots/']"))).isNotEmpty();
		assertThat(browser.findElement(By.cssSelector(".conflicts-table")).getText()).contains("HFCC line");
		shot("conflicts");
	}

}
