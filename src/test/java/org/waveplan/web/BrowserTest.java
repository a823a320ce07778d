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
import org.openqa.selenium.TimeoutException;
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

	/**
	 * Logs in the role's test user ({@code engineer1}, ...) through the login form, as a person would; once more,
	 * as a person would, if the first try is still at the login page after 30 s (seen once in CI under load; what
	 * the page showed goes to the log).
	 */
	protected void logIn(Role role) {
		String name = role.name().toLowerCase() + "1";
		String first = tryLogIn(name);
		if (first != null) {
			System.err.println("the first login of " + name + " " + first + "; trying again");
			String second = tryLogIn(name);
			if (second != null) {
				throw new AssertionError("the login of " + name + " " + first + ", and again " + second);
			}
		}
	}

	/** What the page showed if the login did not leave it, else {@code null}. */
	private String tryLogIn(String name) {
		open("/login");
		browser.findElement(By.id("username")).sendKeys(name);
		browser.findElement(By.id("password")).sendKeys(name + PASSWORD_SUFFIX);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
		try {
			new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
			return null;
		}
		catch (TimeoutException e) {
			return "stayed at " + browser.getCurrentUrl() + ", showing: "
					+ browser.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ");
		}
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
