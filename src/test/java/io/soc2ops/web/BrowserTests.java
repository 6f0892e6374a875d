package io.soc2ops.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person in Debian's Chromium (headless): signs in, reads the readiness map, opens a
 * criterion, records a control test, switches to Japanese, and checks the ledger.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "soc2ops.demo.enabled=true", "soc2ops.identity.admin-password=" + BrowserTests.PASSWORD })
class BrowserTests {

	static final String PASSWORD = "browser-test-password";

	static WebDriver browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startChromium() {
		browser = Chromium.start(new Dimension(1400, 1100));
	}

	@AfterAll
	static void stopChromium() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void signsInReadsTheMapOpensACriterionAndRecordsATest() throws Exception {
		browser.get(url("/"));
		assertThat(browser.getCurrentUrl()).endsWith("/signin");
		browser.findElement(By.id("username")).sendKeys("admin");
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.findElement(By.cssSelector("main form button[type=submit]")).click();

		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("tile-CC6.1")));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("SOC 2 readiness");
		assertThat(browser.findElements(By.cssSelector(".tile"))).hasSize(61);
		assertThat(browser.findElements(By.cssSelector(".tile.status-PASSING"))).isNotEmpty();
		assertThat(browser.findElements(By.cssSelector(".tile.status-FAILING"))).isNotEmpty();
		assertThat(browser.findElements(By.cssSelector(".tile.status-NO_DATA"))).isNotEmpty();
		// the demo's IAM user with a key older than 90 days fails Security Hub control
		// IAM.3
		assertThat(browser.findElement(By.id("tile-CC6.1")).getAttribute("class")).contains("status-FAILING");
		assertThat(browser.findElement(By.id("tile-CC7.3")).getAttribute("class")).contains("status-PASSING");
		assertThat(browser.findElement(By.id("tile-CC6.6")).getAttribute("class")).contains("status-FAILING");
		Chromium.screenshot(browser, "dashboard.png");

		browser.findElement(By.id("tile-CC6.1")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until(d -> d.findElement(By.tagName("h1")).getText().startsWith("CC6.1"));
		assertThat(browser.findElement(By.id("controls")).getText()).contains("ACC-01");
		assertThat(browser.findElement(By.id("securityhub")).getText()).contains("IAM.6");
		Chromium.screenshot(browser, "criterion.png");

		browser.findElement(By.linkText("ACC-01")).click();
		browser.findElement(By.cssSelector("#record-test input[value=FAILED]")).click();
		browser.findElement(By.cssSelector("#record-test input[name=note]"))
			.sendKeys("Root access key found in staging");
		browser.findElement(By.cssSelector("#record-test button")).click();
		// the form posts and the page reloads: read the new page, not the one going away
		new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until(d -> d.findElement(By.id("history")).getText().contains("Root access key found in staging"));
		assertThat(browser.findElement(By.id("control-status")).getText()).isEqualTo("Failing");
		assertThat(browser.findElement(By.id("history")).getText()).contains("Root access key found in staging");

		browser.get(url("/ledger"));
		assertThat(browser.findElement(By.id("entries")).getText()).contains("control.tested").contains("user:admin");
		browser.findElement(By.linkText("Verify the chain")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("verification-result")));
		assertThat(browser.findElement(By.id("verification-result")).getText()).startsWith("Ledger intact:");
	}

	@Test
	void speaksJapaneseWhenAsked() throws Exception {
		signIn();
		browser.get(url("/?lang=ja"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("SOC 2 準備状況");
		assertThat(browser.findElement(By.id("tile-CC6.6")).getText()).contains("不合格");
		Chromium.screenshot(browser, "dashboard-ja.png");
		browser.get(url("/criteria/A1.2"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("A1.2");
		assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("統制");
		browser.get(url("/?lang=en"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("SOC 2 readiness");
	}

	private void signIn() {
		Chromium.signIn(browser, url("/signin"), PASSWORD);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
