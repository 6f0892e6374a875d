package io.soc2ops.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium as the browser tests drive it: headless, in English, through
 * chromedriver; signing in as admin and keeping screenshots under
 * {@code target/screenshots}.
 */
final class Chromium {

	private Chromium() {
	}

	/** A headless Chromium with a window of the given size. */
	static WebDriver start(Dimension window) {
		return start(window, null);
	}

	/**
	 * A headless Chromium with a window of the given size that saves downloads in
	 * {@code downloads} without asking.
	 */
	static WebDriver start(Dimension window, @Nullable Path downloads) {
		var options = new ChromeOptions().setBinary(which("chromium"))
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--lang=en-US");
		if (downloads != null) {
			options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
					"download.prompt_for_download", false, "download.directory_upgrade", true));
		}
		var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(which("chromedriver"))).build();
		var browser = new ChromeDriver(service, options);
		browser.manage().window().setSize(window);
		browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
		return browser;
	}

	/**
	 * Signs in as admin on the sign-in page at {@code signInUrl}, unless signed in
	 * already, and waits for the page that follows.
	 */
	static void signIn(WebDriver browser, String signInUrl, String password) {
		signIn(browser, signInUrl, "admin", password);
	}

	/**
	 * Signs in as {@code username} on the sign-in page at {@code signInUrl}, unless
	 * someone is signed in already, and waits for the page that follows.
	 */
	static void signIn(WebDriver browser, String signInUrl, String username, String password) {
		browser.get(signInUrl);
		if (browser.findElements(By.id("username")).isEmpty()) {
			return;
		}
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("account-link")));
	}

	static void screenshot(WebDriver browser, String name) throws Exception {
		var shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		var target = Path.of("target/screenshots", name);
		Files.createDirectories(target.getParent());
		Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
	}

	private static String which(String program) {
		for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
			var candidate = Path.of(dir, program);
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		throw new IllegalStateException(program + " is not on PATH: the browser tests need Debian's chromium and"
				+ " chromium-driver (./soc2ops test installs them where it can; see README)");
	}

}
