package org.waveplan.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.waveplan.security.Role;
import org.waveplan.web.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waveplan.Fixtures.slot;
import static org.waveplan.Fixtures.with;

/** A producer's program page in a real browser: an upload with its progress, its loudness picture, the queue. */
class ProgramBrowserTest extends BrowserTest {

	@TempDir
	Path temp;

	@Autowired
	SessionRegistry sessions;

	@Test
	void aProducerUploadsAnEpisodeSeesItsLoudnessReordersTheQueueAndSeesTheAiring() throws Exception {
		fixtures().site("TAC", 1, "TX1");
		fixtures().program("korea-today", 1);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalTime hour = LocalTime.now(ZoneOffset.UTC).plusHours(1).truncatedTo(ChronoUnit.HOURS);
		fixtures().bindSlot(with(slot("TAC", "TX1", 9650, hour.toString(), hour.plusMinutes(1).toString()),
				"validFrom", today.toString(), "validTo", today.plusDays(30).toString()), "korea-today");
		long news = fixtures().episode("korea-today", Path.of("audio-samples", "news-bulletin-mono.mp3"),
				"Morning news");
		fixtures().queue("korea-today", news);
		awaitEventsHandled();
		logIn(Role.PRODUCER);
		open("/programs/korea-today");

		browser.findElement(By.id("title")).sendKeys("Feature: the voice of the river");
		browser.findElement(By.id("file")).sendKeys(Path.of("audio-samples", "feature-stereo.flac").toAbsolutePath().toString());
		// slowed to 256 kB/s, the 1.5 MB upload takes some seconds: long enough to see it go
		ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
		slow.setUploadThroughput(256 * 1024);
		slow.setDownloadThroughput(100 * 1024 * 1024);
		((ChromiumDriver) browser).setNetworkConditions(slow);
		try {
			// cancelled once while it is sent: nothing is kept
			browser.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
			waitFor(d -> d.findElement(By.id("upload-text")).getText().startsWith("Sending: "));
			browser.findElement(By.id("upload-cancel")).click();
			waitFor(d -> d.findElement(By.id("upload-text")).getText().equals("Upload cancelled; nothing was kept."));
			assertThat(browser.findElement(By.id("upload-cancel")).isDisplayed()).isFalse();

			browser.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
			waitFor(d -> d.findElement(By.id("upload-text")).getText().matches("Sending: \\d+ % · [\\d.]+ MB of 1\\.5 MB"));
			// sent again while it runs, by Enter and by a script: ignored, one upload at a time
			assertThat(browser.findElement(By.cssSelector("#upload-form button[type=submit]")).isEnabled()).isFalse();
			browser.findElement(By.id("title")).sendKeys(Keys.ENTER);
			((JavascriptExecutor) browser).executeScript("document.getElementById('upload-form').requestSubmit()");
			assertThat(browser.findElement(By.id("upload-progress")).isDisplayed()).isTrue();
			assertThat(browser.findElement(By.id("upload-cancel")).isDisplayed()).isTrue();
			shot("upload-progress");
		}
		finally {
			((ChromiumDriver) browser).deleteNetworkConditions();
		}
		WebElement added = waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#episodes .episode.added")));
		assertThat(browser.findElement(By.id("upload-text")).getText())
			.isEqualTo("Taken in: Feature: the voice of the river");
		assertThat(browser.findElement(By.id("upload-cancel")).isDisplayed()).isFalse();
		assertThat(browser.findElement(By.cssSelector("#upload-form button[type=submit]")).isEnabled()).isTrue();
		assertThat(browser.findElements(By.cssSelector("#episodes .episode")))
			.as("the cancelled upload left nothing, the ignored ones made none")
			.hasSize(2);
		assertThat(jdbc.queryForObject("select count(*) from episode", Integer.class)).isEqualTo(2);
		assertThat(added.getText()).contains("Feature: the voice of the river", "feature-stereo.flac", "0:32", "flac",
				"-16.9 LUFS", "1.4 LU", "-2.1 dBTP");
		assertThat(added.findElements(By.cssSelector("svg.loudness-curve polyline.line"))).hasSize(1);
		assertThat(added.findElement(By.cssSelector("svg.loudness-curve polyline.line")).getAttribute("points")
			.split(" ")).hasSize(30);

		// queued from the page: the queue is the morning news, then the feature
		assertThat(new Select(browser.findElement(By.id("episodeId"))).getFirstSelectedOption().getText())
			.as("the newest episode is the one offered").isEqualTo("Feature: the voice of the river");
		browser.findElement(By.cssSelector("form.enqueue button[type=submit]")).click();
		waitFor(d -> queueTitles().size() == 2);
		assertThat(queueTitles()).containsExactly("Morning news", "Feature: the voice of the river");
		fullPageShot("program-page");

		// the feature dragged above the news
		drag(browser.findElement(By.cssSelector("#queue tr.entry:nth-child(2)")),
				browser.findElement(By.cssSelector("#queue tr.entry:nth-child(1)")));
		waitFor(d -> queueTitles().equals(List.of("Feature: the voice of the river", "Morning news")));
		assertThat(get(producer(), "/api/programs/korea-today/queue").getBody().get(0).get("title").asText())
			.isEqualTo("Feature: the voice of the river");

		// and the next airing carries it, with the gap it leaves in the minute
		awaitEventsHandled();
		open("/programs/korea-today");
		WebElement next = browser.findElement(By.cssSelector("#airings tbody tr"));
		assertThat(next.getText()).contains("TAC TX1", "9650", "Feature: the voice of the river", "UTC", "KST",
				"gap of 27 s, filled");

		// a drag after the session ended goes to the login page, the queue unchanged
		endSessions();
		drag(browser.findElement(By.cssSelector("#queue tr.entry:nth-child(2)")),
				browser.findElement(By.cssSelector("#queue tr.entry:nth-child(1)")));
		waitFor(ExpectedConditions.urlContains("/login"));
		assertThat(get(producer(), "/api/programs/korea-today/queue").getBody().get(0).get("title").asText())
			.isEqualTo("Feature: the voice of the river");
	}

	@Test
	void anUploadThatIsNotAudioShowsItsReasonOnThePage() throws Exception {
		fixtures().program("korea-today", 60);
		Path text = Files.writeString(temp.resolve("notes.mp3"), "this is not audio\n".repeat(100));
		logIn(Role.PRODUCER);
		open("/programs/korea-today");

		browser.findElement(By.id("title")).sendKeys("Notes");
		browser.findElement(By.id("file")).sendKeys(text.toString());
		browser.findElement(By.cssSelector("#upload-form button[type=submit]")).click();

		WebElement problem = waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#upload #problem")));
		assertThat(problem.getText()).contains("Not decodable audio",
				"the upload is not decodable audio: it is not an audio file that FFmpeg can read");
		assertThat(browser.findElements(By.cssSelector("#episodes .episode"))).isEmpty();
		shot("bad-upload");

		// the form and its problem fit a 390 px phone
		browser.manage().window().setSize(new Dimension(390, 844));
		try {
			assertThat((Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth"))
				.as("the page's width on a 390 px phone").isLessThanOrEqualTo(390);
		}
		finally {
			browser.manage().window().setSize(new Dimension(1280, 1000));
		}

		// an upload after the session ended goes to the login page: not "Taken in", nothing kept
		endSessions();
		browser.findElement(By.id("title")).sendKeys("Notes");
		browser.findElement(By.id("file")).sendKeys(text.toString());
		browser.findElement(By.cssSelector("#upload-form button[type=submit]")).click();
		waitFor(ExpectedConditions.urlContains("/login"));
		assertThat(jdbc.queryForObject("select count(*) from episode", Integer.class)).isZero();
	}

	/** Ends every session, as a change of the account does (UserAccounts.change). */
	private void endSessions() {
		sessions.getAllPrincipals().forEach(p -> sessions.getAllSessions(p, false).forEach(SessionInformation::expireNow));
	}

	/** Read at once by a script: the queue is drawn again under the test's feet (a page loads, a drop swaps it). */
	@SuppressWarnings("unchecked")
	private static List<String> queueTitles() {
		return (List<String>) ((JavascriptExecutor) browser).executeScript("return Array.from(document"
				+ ".querySelectorAll('#queue tr.entry td:nth-child(2)'), td => td.textContent.trim())");
	}

	/**
	 * Drags a row onto another. Chromium driven by WebDriver does not start its native HTML5 drag and drop from
	 * Actions' pointer moves, so the drag's events are dispatched as the browser would, with one DataTransfer.
	 */
	private static void drag(WebElement from, WebElement to) {
		((JavascriptExecutor) browser).executeScript("""
				const [from, to] = arguments;
				const data = new DataTransfer();
				const fire = (element, type) => element.dispatchEvent(
				    new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
				fire(from, 'dragstart');
				fire(to, 'dragenter');
				fire(to, 'dragover');
				fire(to, 'drop');
				fire(from, 'dragend');
				""", from, to);
	}

	/** The page down to the first airings, more than the window shows. */
	private void fullPageShot(String name) {
		long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
		browser.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 140, 1700)));
		((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
		try {
			shot(name);
		}
		finally {
			browser.manage().window().setSize(new Dimension(1280, 1000));
		}
	}

}
