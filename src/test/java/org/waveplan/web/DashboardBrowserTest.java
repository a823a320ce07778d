package org.waveplan.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.waveplan.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waveplan.Fixtures.slot;
import static org.waveplan.Fixtures.with;

/** The dashboard in a real browser: in Korean when asked, and on a phone's width. */
class DashboardBrowserTest extends BrowserTest {

	@Test
	void theKoreanUiShowsKoreanLabelsAndKeepsTheChoice() {
		logIn(Role.PRODUCER);
		open("/?lang=ko");
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ko");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("대시보드");
		assertThat(browser.findElement(By.cssSelector("header nav")).getText()).contains("대시보드", "프로그램");
		shot("korean");
		// the switcher's cookie keeps Korean on the next page, though the browser asks for English
		open("/");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("대시보드");
		open("/?lang=en");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
	}

	@Test
	void theDashboardFitsA390PixelPhoneAndLogsOut() {
		fixtures().site("TAC", 1, "TX1");
		fixtures().program("korea-today", 60);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalTime hour = LocalTime.now(ZoneOffset.UTC).plusHours(1).truncatedTo(ChronoUnit.HOURS);
		String start = hour.toString();
		String stop = hour.plusHours(1).toString();
		fixtures().bindSlot(with(slot("TAC", "TX1", 9650, start, stop.equals("00:00") ? "24:00" : stop), "validFrom",
				today.toString(), "validTo", today.plusDays(30).toString()), "korea-today");
		awaitEventsHandled();
		logIn(Role.PRODUCER);
		browser.manage().window().setSize(new Dimension(390, 844));
		try {
			open("/");
			assertThat(browser.findElement(By.cssSelector("table.airings")).getText()).contains("TAC", "9650",
					"korea-today");
			long pageWidth = (Long) ((JavascriptExecutor) browser)
				.executeScript("return document.documentElement.scrollWidth");
			assertThat(pageWidth).as("the page's width on a 390 px phone").isLessThanOrEqualTo(390);
			shot("phone");
		}
		finally {
			browser.manage().window().setSize(new Dimension(1280, 1000));
		}
		browser.findElement(By.cssSelector("header form button[type=submit]")).click();
		waitFor(d -> d.getCurrentUrl().contains("/login?logout"));
		open("/");
		assertThat(browser.getCurrentUrl()).endsWith("/login");
	}

	/** What htmx does not draw (a 404 here; a 503 when the database is away) is shown before the part that asked. */
	@Test
	void anHtmxRequestThatFailsShowsItsProblemOnThePage() {
		logIn(Role.PRODUCER);
		open("/");
		((JavascriptExecutor) browser)
			.executeScript("htmx.ajax('GET', '/no-such-page', {source: '#board', target: '#board', swap: 'outerHTML'})");
		WebElement problem = waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#problem")));
		assertThat(problem.getText()).contains("404", "Not found");
		assertThat(problem.getDomAttribute("role")).isEqualTo("alert");
		// the part that asked is still there
		assertThat(browser.findElement(By.id("board")).getText()).contains("Dashboard");
	}

}
