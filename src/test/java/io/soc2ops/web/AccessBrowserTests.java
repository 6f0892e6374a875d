package io.soc2ops.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;

/**
 * What a new user does with access on the demo, in Debian's Chromium (headless): an
 * engineer asks for a permission set on an account for a colleague; an approver approves
 * it; an operator confirms the grant and the request shows granted; the exceptions page
 * flags the demo's assignment that nobody approved; the operator starts a review campaign
 * of the management account and hands its items to the approver, who keeps them all; the
 * campaign shows completed and its evidence downloads as a ZIP.
 * <p>
 * Runs on the demo as {@link BrowserTests} does (the same context), with three people of
 * its own whose passwords it knows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "soc2ops.demo.enabled=true", "soc2ops.identity.admin-password=" + BrowserTests.PASSWORD })
class AccessBrowserTests {

	static final String PASSWORD = "access-browser-password";

	static final String ENGINEER = "erin.engineer";

	static final String APPROVER = "arthur.approver";

	static final String OPERATOR = "olga.operator";

	static final String MANAGEMENT = "111122223333";

	static WebDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	Users users;

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
	void aRequestIsApprovedAndGrantedTheUnapprovedAssignmentIsFlaggedAndAReviewCompletes() throws Exception {
		person(ENGINEER, Role.ENGINEER);
		person(APPROVER, Role.APPROVER);
		person(OPERATOR, Role.OPERATOR);

		signIn(ENGINEER);
		browser.get(url("/access/requests/new"));
		new Select(browser.findElement(By.id("kind"))).selectByValue("PERMISSION_SET");
		browser.findElement(By.id("entitlement")).sendKeys("ReadOnlyAccess");
		new Select(browser.findElement(By.id("accounts"))).selectByValue("777788889999");
		browser.findElement(By.id("person")).sendKeys("nakamura.aoi@kumo-logistics.example");
		browser.findElement(By.id("reason")).sendKeys("Finance: checks the staging cost allocation tags");
		browser.findElement(By.id("request-submit")).click();
		waitFor(d -> d.findElement(By.id("done")).getText().startsWith("Access requested"));
		long request = Long.parseLong(browser.getCurrentUrl().replaceAll("^.*/access/requests/([0-9]+).*$", "$1"));
		assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("Waiting for approval");
		assertThat(browser.findElements(By.id("approve"))).isEmpty();
		Chromium.screenshot(browser, "access-request-requested.png");

		signIn(APPROVER);
		browser.get(url("/access/requests"));
		waitFor(d -> d.findElement(By.id("for-me-" + request)).isDisplayed());
		browser.findElement(By.cssSelector("#request-" + request + " a")).click();
		waitFor(d -> !d.findElements(By.id("approve-note")).isEmpty());
		browser.findElement(By.id("approve-note")).sendKeys("Read only; fine");
		browser.findElement(By.id("approve")).click();
		waitFor(d -> d.findElement(By.id("state")).getText().equals("Approved"));
		assertThat(browser.findElement(By.id("approval-count")).getText()).contains("1/1");

		signIn(OPERATOR);
		browser.get(url("/access/requests/" + request));
		browser.findElement(By.id("confirm-777788889999")).click();
		waitFor(d -> d.findElement(By.id("grant-777788889999")).getText().contains("Granted"));
		assertThat(browser.findElement(By.id("grant-777788889999")).getText()).contains("user:" + OPERATOR);
		assertThat(browser.findElement(By.id("state")).getText()).isEqualTo("Approved");
		Chromium.screenshot(browser, "access-request-granted.png");

		browser.get(url("/access/exceptions"));
		String flagged = browser.findElement(By.id("exception-table")).getText();
		assertThat(flagged).contains("ito.mei@kumo-logistics.example")
			.contains("444455556666")
			.contains("AdministratorAccess");
		assertThat(browser.findElements(By.cssSelector("#exception-table tbody tr"))).hasSize(1);
		Chromium.screenshot(browser, "access-exceptions.png");

		browser.get(url("/access/reviews"));
		browser.findElement(By.id("name")).sendKeys("Management account, browser test");
		browser.findElement(By.id("accounts")).sendKeys(MANAGEMENT);
		type(browser.findElement(By.id("dueOn")), LocalDate.now(ZoneOffset.UTC).plusDays(14).toString());
		browser.findElement(By.id("create")).click();
		waitFor(d -> d.findElement(By.id("created")).isDisplayed());
		long campaign = Long.parseLong(browser.getCurrentUrl().replaceAll("^.*/access/reviews/([0-9]+).*$", "$1"));
		assertThat(browser.findElement(By.id("campaign-state")).getText()).isEqualTo("Open");
		// the demo's approver and the unassigned item go to the approver of this test
		for (String from : reviewersWithOpenItems()) {
			new Select(browser.findElement(By.id("from"))).selectByValue(from);
			browser.findElement(By.id("to")).sendKeys(APPROVER);
			browser.findElement(By.id("reassign-all-button")).click();
			waitFor(d -> d.findElement(By.id("moved")).getText().contains(APPROVER));
		}
		assertThat(reviewersWithOpenItems()).containsExactly(APPROVER);

		signIn(APPROVER);
		browser.get(url("/access/reviews/" + campaign));
		var picks = browser.findElements(By.cssSelector("input[id^=pick-]"));
		assertThat(picks).isNotEmpty();
		picks.forEach(WebElement::click);
		new Select(browser.findElement(By.id("bulk-decision"))).selectByValue("keep");
		browser.findElement(By.id("bulk-comment")).sendKeys("Still needed");
		browser.findElement(By.id("bulk-submit")).click();
		waitFor(d -> !d.findElements(By.id("completed")).isEmpty());
		assertThat(browser.findElement(By.id("campaign-state")).getText()).isEqualTo("Completed");
		Chromium.screenshot(browser, "access-review-completed.png");

		String evidence = browser.findElement(By.id("evidence")).getAttribute("href");
		var response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(evidence)).header("Cookie", cookies()).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/zip"));
		assertThat(new String(response.body(), 0, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PK");
		var anonymous = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(evidence)).build(), HttpResponse.BodyHandlers.discarding());
		assertThat(anonymous.statusCode()).as("without the session the evidence is not given").isNotEqualTo(200);
	}

	/** The reviewers (or "-" for none) the reassign form offers. */
	private static Set<String> reviewersWithOpenItems() {
		return new Select(browser.findElement(By.id("from"))).getOptions()
			.stream()
			.map(option -> option.getAttribute("value"))
			.collect(Collectors.toSet());
	}

	private void person(String name, Role role) {
		if (users.find(Username.of(name)).isEmpty()) {
			users.create(Username.of(name), name, Set.of(role), PASSWORD, Actor.system("test"));
		}
	}

	private static String cookies() {
		return browser.manage()
			.getCookies()
			.stream()
			.map(cookie -> cookie.getName() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
	}

	private void signIn(String username) {
		browser.manage().deleteAllCookies();
		Chromium.signIn(browser, url("/signin"), username, PASSWORD);
	}

	/** Sets a date field as a person choosing the day would. */
	private static void type(WebElement field, String value) {
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", field, value);
	}

	private static void waitFor(Function<WebDriver, Boolean> condition) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.ignoring(NoSuchElementException.class)
			.until(condition);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
