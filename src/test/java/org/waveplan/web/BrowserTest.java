package org.waveplan.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.waveplan.ApiTest;
import org.waveplan.security.Role;

/**
 * Scenarios in a real browser: Debian's chromium, headless, driven by its chromium-driver, on the whole application
 * over real HTTP. One browser per test class (it takes a second or two to start; {@link HeadlessChromium}); each test
 * starts logged out.
 * Every test leaves screenshots in {@code target/screenshots/}, a failed one a last picture of where it stood.
 */
@ExtendWith(BrowserTest.ShotOnFailure.class)
public abstract class BrowserTest extends ApiTest {

	private static final Path SCREENSHOTS = Path.of("target/screenshots");

	protected static WebDriver browser;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startBrowser() {
		browser = HeadlessChromium.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
	}

	@BeforeEach
	void loggedOut() {
		open("/login");
		browser.manage().deleteAllCookies();
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	protected void open(String path) {
		browser.get(url(path));
	}

	/** Logs in the role's test user ({@code engineer1}, ...) through the login form, as a person would. */
	protected void logIn(Role role) {
		String name = role.name().toLowerCase() + "1";
		open("/login");
		browser.findElement(By.id("username")).sendKeys(name);
		browser.findElement(By.id("password")).sendKeys(name + PASSWORD_SUFFIX);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		waitFor(d -> !d.getCurrentUrl().contains("/login"));
	}

	protected <T> T waitFor(ExpectedCondition<T> condition) {
		return new WebDriverWait(browser, Duration.ofSeconds(90)).until(condition);
	}

	/** Saves what the browser shows as {@code target/screenshots/<TestClass>-<name>.png}. */
	protected void shot(String name) {
		shoot(getClass().getSimpleName() + "-" + name);
	}

	private static void shoot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path taken = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
			Files.move(taken, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot save the screenshot " + name, e);
		}
	}

	static class ShotOnFailure implements TestWatcher {

		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			if (browser != null) {
				shoot(context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName()
						+ "-failed");
			}
		}

	}

}
