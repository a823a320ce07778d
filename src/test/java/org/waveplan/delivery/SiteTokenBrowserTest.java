package org.waveplan.delivery;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.waveplan.security.Role;
import org.waveplan.web.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator issues a site token on the site's page in a real browser: shown once, with a copy button, gone
 * after a reload.
 */
class SiteTokenBrowserTest extends BrowserTest {

	@Test
	void anAdminSeesANewTokenOnceOnly() {
		fixtures().site("TAC", 1);
		logIn(Role.ADMIN);
		// the site's page loads the tokens part into its place
		open("/sites/TAC");
		waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#site-tokens .site-tokens-part #token-label")))
			.sendKeys("Tashkent agent");
		browser.findElement(By.cssSelector(".issue-token button[type=submit]")).click();

		// htmx draws the part again in place, with the token
		WebElement shown = waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("new-token")));
		String token = shown.getDomProperty("value");
		assertThat(token).startsWith("wps_");
		assertThat(browser.getCurrentUrl()).endsWith("/sites/TAC");
		browser.findElement(By.cssSelector("[data-copy=new-token]")).click();
		// copied, or (where the clipboard may not be written) selected for the person to copy
		waitFor(ExpectedConditions.not(ExpectedConditions.textToBe(By.cssSelector(".copy-status"), "")));
		shot("token-shown-once");

		browser.navigate().refresh();
		waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#site-tokens .site-tokens-part table.tokens")));
		assertThat(browser.findElements(By.id("new-token"))).isEmpty();
		assertThat(browser.getPageSource()).contains("Tashkent agent").doesNotContain(token);
		shot("after-reload");
	}

}
