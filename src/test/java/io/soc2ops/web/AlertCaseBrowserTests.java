package io.soc2ops.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.soc2ops.evidence.Actor;
import io.soc2ops.findings.FindingsIntake;
import io.soc2ops.findings.IntakeChannel;

/**
 * A responder in Debian's Chromium (headless) opens an alert EventBridge raised from the
 * alerts list, acknowledges it, resolves it with a note, and reads the whole trail on its
 * page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "soc2ops.identity.admin-password=" + AlertCaseBrowserTests.PASSWORD)
class AlertCaseBrowserTests {

	static final String PASSWORD = "browser-test-password";

	static WebDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	FindingsIntake intake;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startChromium() {
		browser = Chromium.start(new Dimension(1400, 1400));
	}

	@AfterAll
	static void stopChromium() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void acknowledgesAndResolvesAnAlertAndReadsItsTrail() throws Exception {
		String alertId = raise();
		signIn();

		browser.get(url("/alerts?cases=open"));
		browser.findElement(By.cssSelector("#alert-" + alertId + " a.alert-link")).click();
		waitFor(d -> d.findElement(By.id("case-state")).getText().equals("New"));
		assertThat(browser.findElement(By.cssSelector("#case-steps li.current")).getText()).isEqualTo("New");
		assertThat(browser.findElement(By.id("deadline-acknowledge")).getText()).contains("On track");
		assertThat(browser.findElements(By.id("action-RESOLVE"))).isEmpty();

		browser.findElement(By.id("action-ACKNOWLEDGE")).click();
		waitFor(d -> d.findElement(By.id("case-state")).getText().equals("Acknowledged"));
		assertThat(browser.findElement(By.id("case-done")).getText()).startsWith("Acknowledged");
		assertThat(browser.findElement(By.id("deadline-acknowledge")).getText()).contains("Met");

		browser.findElement(By.id("close-note")).sendKeys("Domain blocked at the resolver; instance rebuilt");
		browser.findElement(By.id("action-RESOLVE")).click();
		waitFor(d -> d.findElement(By.id("case-state")).getText().equals("Resolved"));
		Chromium.screenshot(browser, "alert-case.png");

		String timeline = browser.findElement(By.id("timeline")).getText().replaceAll("\\s+", " ");
		assertThat(timeline).contains("opened the case")
			.contains("user:admin acknowledged")
			.contains("user:admin resolved")
			.contains("Domain blocked at the resolver; instance rebuilt");
		assertThat(browser.findElement(By.cssSelector("#case-steps li.current")).getText()).isEqualTo("Resolved");
		assertThat(browser.findElements(By.id("action-REOPEN"))).hasSize(1);

		browser.get(url("/ledger"));
		assertThat(browser.findElement(By.id("entries")).getText()).contains("alert-case.resolved")
			.contains("alert:" + alertId);
	}

	private String raise() {
		String eventId = UUID.randomUUID().toString();
		intake.accept(
				EventsApiFixtures.envelope(eventId,
						List.of(EventsApiFixtures.guardDuty(eventId, "2026-11-20T03:14:00.000Z"))),
				IntakeChannel.WEBHOOK, "browser-test", Actor.system("test"));
		return jdbc.sql("SELECT id FROM alert WHERE event_id = :id").param("id", eventId).query(String.class).single();
	}

	private void signIn() {
		Chromium.signIn(browser, url("/signin"), PASSWORD);
	}

	/** Waits for the page a click leads to (a form post, or htmx swapping it in). */
	private static void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.ignoring(org.openqa.selenium.NoSuchElementException.class)
			.until(condition);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
