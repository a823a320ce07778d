package org.waveplan.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.waveplan.ApiTest;
import org.waveplan.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Scenarios in a real browser: Debian's chromium, headless, driven by its chromium-driver, on the whole application
 * over real HTTP. One browser per test class (it takes a second or two to start); each test starts logged out. A
 * developer's machine without the browser skips these; CI, which {@code .ci/run} gives the browser, fails instead.
 * Every test leaves screenshots in {@code target/screenshots/}, a failed one a last picture of where it stood.
 */
@ExtendWith(BrowserTest.ShotOnFailure.class)
public abstract class BrowserTest extends ApiTest {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target/screenshots");

	protected static WebDriver browser;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startBrowser() {
		String absent = CHROMIUM + " and " + DRIVER + " are needed (apt-get install chromium chromium-driver)";
		boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
		if (System.getenv("CI") != null) {
			assertThat(present).as(absent).isTrue();
		}
		assumeTrue(present, absent + ": skipped");
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			// no sandbox: CI runs as root; /dev/shm is small in containers
			.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
					"--window-size=1280,1000", "--lang=en-US", "--hide-scrollbars")
			.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
		ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(driver, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
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
		return new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition);
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
