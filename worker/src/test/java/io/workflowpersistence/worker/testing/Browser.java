package io.workflowpersistence.worker.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.util.FileSystemUtils;

/**
 * A headless Chromium driven by Selenium WebDriver through Debian's {@code chromedriver},
 * both named by path so that Selenium Manager downloads nothing. Each browser has a fresh
 * profile, deleted when it is closed. Without the browser a test is skipped, except on CI
 * ({@code CI=true}), where it fails.
 */
public final class Browser implements AutoCloseable {

	private static final File DRIVER = new File("/usr/bin/chromedriver");

	private static final File BINARY = new File("/usr/bin/chromium");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final Path profile;

	private Browser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/**
	 * Starts a browser with a window of the given size, or skips the test when there is
	 * none outside CI.
	 * @param width the window's width in pixels
	 * @param height the window's height in pixels
	 * @return the browser
	 */
	public static Browser launch(int width, int height) {
		boolean installed = DRIVER.canExecute() && BINARY.canExecute();
		if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new AssertionError("CI needs Chromium and its driver: apt-get install -y chromium chromium-driver");
		}
		Assumptions.assumeTrue(installed, "Chromium or chromedriver is not installed (apt-get install -y chromium "
				+ "chromium-driver); the browser test is skipped");
		try {
			Path profile = Files.createTempDirectory("chromium-profile");
			ChromeOptions options = new ChromeOptions().setBinary(BINARY)
				.addArguments(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
						"--no-first-run", "--disable-background-networking", "--disable-component-update",
						"--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile,
						"--window-size=" + width + "," + height));
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
				.usingAnyFreePort()
				.build();
			return new Browser(new ChromeDriver(service, options), profile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	public void open(String url) {
		this.driver.get(url);
	}

	public WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	public List<WebElement> findAll(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	/**
	 * The text of the first element the selector finds, or an empty string when none is
	 * there (yet).
	 */
	public String text(String css) {
		List<WebElement> found = findAll(css);
		return found.isEmpty() ? "" : found.get(0).getText().trim();
	}

	public Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	public WebDriverWait waiting() {
		WebDriverWait wait = new WebDriverWait(this.driver, Duration.ofSeconds(30), Duration.ofMillis(100));
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	/**
	 * Saves a PNG of the whole page, beyond the window's height, as
	 * {@code target/screenshots/<name>.png}.
	 * @param name the file's name without extension
	 * @return the file
	 */
	public Path screenshot(String name) {
		long width = ((Number) script("return document.documentElement.scrollWidth")).longValue();
		long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
		Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1);
		Map<String, Object> shot = this.driver.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			FileSystemUtils.deleteRecursively(this.profile.toFile());
		}
	}

}
