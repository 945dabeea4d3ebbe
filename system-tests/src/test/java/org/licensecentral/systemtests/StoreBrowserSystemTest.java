package org.licensecentral.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.licensecentral.systemtests.Browser.testId;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.licensecentral.localstack.DemoSeed;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The local store page (web-store) in headless Chromium, as the demo customer (issue 17): the
 * portal's Buy leads there; a purchase made on it shows up in the portal as the buyer's license, and
 * a renewal bought for that license's key moves its maintenance end. Every page the store shows is
 * checked by axe-core, the forms' mistakes too. Each test leaves a screenshot in
 * {@code target/screenshots}.
 */
class StoreBrowserSystemTest {

    private static Browser browser;

    @BeforeAll
    static void logIn() {
        SystemStack.get();
        browser = Browser.start();
        browser.logIn(DemoSeed.DEMO_EMAIL, DemoSeed.DEMO_PASSWORD);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void screenshot(TestInfo test) {
        browser.screenshot(getClass().getSimpleName() + "-"
                + test.getTestMethod().orElseThrow().getName());
    }

    @Test
    void aLicenseBoughtOnTheStorePageShowsInThePortalAndARenewalThereExtendsIt() {
        browser.open("/");
        browser.awaitReady("licenses");
        browser.byTestId("buy").click();
        browser.await().until(ExpectedConditions.urlToBe(SystemStack.store() + "/"));
        assertThat(browser.byTestId("prices-DRIVE").getText()).contains("Business", "€49.00");
        assertNoSeriousViolations("the store page");

        browser.driver.findElement(By.id("buy-email")).sendKeys(DemoSeed.DEMO_EMAIL);
        new Select(browser.driver.findElement(By.id("buy-offer"))).selectByValue("DRIVE:Business");
        WebElement seats = browser.driver.findElement(By.id("buy-seats"));
        seats.clear();
        seats.sendKeys("2");
        browser.byTestId("buy").click();
        String purchaseId = browser.byTestId("purchase-id").getText();
        assertThat(purchaseId).startsWith("WS-");
        assertThat(browser.byTestId("receipt-total").getText()).isEqualTo("€98.00");
        assertNoSeriousViolations("the confirmation page");

        browser.byTestId("to-portal").click();
        WebElement license = awaitLicenseOf(purchaseId);
        assertThat(license.findElement(testId("license-product")).getText()).isEqualTo("Drive");
        assertThat(license.findElement(testId("license-edition")).getText()).isEqualTo("Business");
        String licenseKey = license.findElement(testId("license-key")).getText();
        LocalDate maintenanceUntil = maintenanceUntil(license);

        browser.driver.get(SystemStack.store() + "/");
        browser.driver.findElement(By.id("renew-key")).sendKeys(licenseKey);
        browser.driver.findElement(By.id("renew-email")).sendKeys(DemoSeed.DEMO_EMAIL);
        new Select(browser.driver.findElement(By.id("renew-offer"))).selectByValue("DRIVE:Business");
        new Select(browser.driver.findElement(By.id("renew-years"))).selectByValue("2");
        browser.byTestId("renew").click();
        assertThat(browser.byTestId("receipt-total").getText()).isEqualTo("€50.00");

        browser.byTestId("to-portal").click();
        // license-service extends it once the renewal is off the topic: the portal shows it after a reload or two.
        browser.await()
                .until(driver -> maintenanceUntil(awaitLicenseOf(purchaseId)).equals(maintenanceUntil.plusMonths(24)));
    }

    @Test
    void aFormWithMistakesSaysWhatIsWrongNextToEachField() {
        browser.driver.get(SystemStack.store() + "/");
        browser.driver.findElement(By.id("buy-email")).sendKeys("not-an-address");
        WebElement quantity = browser.driver.findElement(By.id("buy-quantity"));
        quantity.clear();
        quantity.sendKeys("0");
        browser.byTestId("buy").click();

        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("buy-errors")));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/purchases#buy-title");
        assertThat(browser.driver.findElement(By.id("buy-email-error")).getText())
                .isEqualTo("Enter an e-mail address such as name@example.org.");
        assertThat(browser.driver.findElement(By.id("buy-offer-error")).getText())
                .isEqualTo("Choose a product and edition.");
        assertThat(browser.driver.findElement(By.id("buy-quantity")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.driver.findElement(By.id("buy-email")).getAttribute("aria-describedby"))
                .isEqualTo("buy-email-error");
        assertNoSeriousViolations("the store page with its mistakes");
    }

    /** The portal's row of the purchase's license, once license-service has issued it. */
    private static WebElement awaitLicenseOf(String purchaseId) {
        return browser.await().until(driver -> {
            browser.open("/?q=" + purchaseId);
            browser.awaitReady("licenses");
            return driver.findElements(testId("license-row")).stream()
                    .filter(row -> row.findElement(testId("license-purchase"))
                            .getText()
                            .startsWith(purchaseId))
                    .findFirst()
                    .orElse(null);
        });
    }

    private static LocalDate maintenanceUntil(WebElement license) {
        return LocalDate.parse(license.findElement(By.cssSelector("[data-testid='maintenance'] time"))
                .getAttribute("datetime")
                .substring(0, 10));
    }

    private static void assertNoSeriousViolations(String where) {
        assertThat(browser.seriousAccessibilityViolations())
                .as("axe-core on %s", where)
                .isEmpty();
    }
}
