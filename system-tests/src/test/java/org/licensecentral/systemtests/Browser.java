package org.licensecentral.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium, the machine's own (Debian's {@code chromium} and {@code chromium-driver},
 * which {@code .ci/run} installs): Selenium is given both paths, so it never looks for a browser or
 * driver to download. Without them the browser tests are skipped, saying so.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("systemtests.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("systemtests.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    // The root's npm ci installs it, pinned in package-lock.json; failsafe names the root.
    private static final Path AXE =
            Path.of(System.getProperty("localstack.root", ".."), "node_modules", "axe-core", "axe.min.js");
    private static final int HEIGHT = 900;

    final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    static Browser start() {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (Debian packages chromium and chromium-driver; .ci/run installs them)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // --no-sandbox: CI runs as root in a container, where Chromium's sandbox cannot start.
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280," + HEIGHT);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options));
    }

    void open(String path) {
        driver.get(SystemStack.gateway() + path);
    }

    WebElement byTestId(String testId) {
        return await().until(ExpectedConditions.visibilityOfElementLocated(testId(testId)));
    }

    static By testId(String testId) {
        return By.cssSelector("[data-testid='" + testId + "']");
    }

    /** Waits until the portal says it has loaded what it was asked for ({@code body[data-ready]}). */
    void awaitReady(String what) {
        await().until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", what));
    }

    /**
     * Waits with the condition read again on every try. The portal draws a list anew from each answer
     * (a row, its switch, its cells are new elements), so an element found a moment ago may be gone:
     * that is a try to repeat, not a failure.
     */
    WebDriverWait await() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Logs in the way a person does: the portal's button, identity-service's form, back to the portal. */
    void logIn(String email, String password) {
        open("/");
        byTestId("login").click();
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("email")))
                .sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type='submit']")).click();
        await().until(ExpectedConditions.textToBe(testId("session-email"), email));
    }

    /** The window this wide (headless, its viewport is as wide), at the usual height. */
    void windowWidth(int width) {
        driver.manage().window().setSize(new Dimension(width, HEIGHT));
    }

    /** How far the page reaches past the window's width, in CSS pixels; 0 when nothing scrolls sideways. */
    long sidewaysOverflow() {
        return (Long) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    }

    /** The data-testid of the focused element ("" for one without, e.g. the page itself). */
    String focusedTestId() {
        return (String) driver.executeScript("return document.activeElement?.dataset.testid ?? ''");
    }

    /**
     * axe-core on the page as it is now: the violations of impact serious or critical, each as its
     * rule id, impact, and the nodes it found (CSS selectors), for a failure to name. The page's CSP
     * does not apply to a script the driver runs.
     */
    List<String> seriousAccessibilityViolations() {
        if (!Files.isReadable(AXE)) {
            throw new IllegalStateException(AXE + " is missing: run npm ci at the repository root");
        }
        try {
            driver.executeScript(Files.readString(AXE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then((result) => done(result.violations
                    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                    .map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                                   nodes: v.nodes.map((n) => n.target.join(' ')) }))))
                  .catch((error) => done([{ id: 'axe-failed', impact: 'critical', help: String(error), nodes: [] }]));
                """);
        return violations.stream()
                .map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at " + v.get("nodes"))
                .toList();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
