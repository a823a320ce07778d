package org.waveplan.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's chromium, headless, driven by its chromium-driver, 1280x1000, asking for English. A developer's machine
 * without the browser skips the test that starts it; CI, which {@code .ci/run} gives the browser, fails instead.
 * For scenarios on the application ({@link BrowserTest}) and for pages with no server at all ({@code file://}).
 */
public final class HeadlessChromium {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private HeadlessChromium() {
	}

	/** A new browser (quit it when done), or the test skipped where there is none. */
	public static WebDriver start() {
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
		WebDriver browser = new ChromeDriver(driver, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		return browser;
	}

}
