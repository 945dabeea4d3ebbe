package org.licensecentral.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.licensecentral.systemtests.Browser.testId;

import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.licensecentral.localstack.DemoSeed;
import org.licensecentral.verifier.DeactivationCode;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The portal in headless Chromium, as the seeded demo customer: everything a person does on the
 * Licenses and Activations tabs, through the gateway's session, with the keyboard where a person may
 * use one, at phone to desktop widths, and checked by axe-core (issue 16). Every test leaves a
 * screenshot in {@code target/screenshots}.
 */
class PortalBrowserSystemTest {

    private static Browser browser;
    private static String activationHostname;

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

    @BeforeEach
    void openThePortal() {
        browser.open("/");
        browser.awaitReady("licenses");
    }

    @AfterEach
    void screenshot(TestInfo test) {
        browser.screenshot(getClass().getSimpleName() + "-"
                + test.getTestMethod().orElseThrow().getName());
    }

    @Test
    void showsTheSeededLicensesWithTheAccountsEmail() {
        assertThat(browser.byTestId("session-email").getText()).isEqualTo(DemoSeed.DEMO_EMAIL);
        assertThat(purchaseIds()).contains("DEMO-1001", "DEMO-1002");
        assertThat(rows()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(browser.byTestId("license-status").getText()).containsAnyOf("Activated", "Not activated");
    }

    @Test
    void searchAndSortAreKeptInTheUrlAcrossAReload() {
        browser.byTestId("search").sendKeys("DEMO-1001");
        browser.await().until(ExpectedConditions.urlContains("q=DEMO-1001"));
        browser.awaitReady("licenses");
        browser.byTestId("sort-product").click();
        browser.await().until(ExpectedConditions.urlContains("sort=product"));
        browser.awaitReady("licenses");

        browser.driver.navigate().refresh();
        browser.awaitReady("licenses");

        assertThat(browser.byTestId("search").getAttribute("value")).isEqualTo("DEMO-1001");
        assertThat(purchaseIds()).containsOnly("DEMO-1001");
        List<String> products = rows().stream()
                .map(row -> row.findElement(testId("license-product")).getText())
                .toList();
        assertThat(products).hasSize(3).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(browser.driver
                        .findElement(By.cssSelector("th[data-sort='product']"))
                        .getAttribute("aria-sort"))
                .isEqualTo("ascending");
    }

    @Test
    void theSearchFindsLicensesByProductWithEditionAndByEditionAlone() {
        browser.byTestId("search").sendKeys("Backup Professional");
        browser.await().until(ExpectedConditions.urlContains("q=Backup+Professional"));
        browser.awaitReady("licenses");

        assertThat(texts("license-product")).hasSize(2).containsOnly("Backup");
        assertThat(texts("license-edition")).containsOnly("Professional");

        browser.open("/?q=professional");
        browser.awaitReady("licenses");

        assertThat(texts("license-edition")).hasSize(2).containsOnly("Professional");
    }

    @Test
    void theListSortsByEditionBothWaysAndByLicenseKeyAcrossAReload() {
        browser.byTestId("sort-edition").click();
        browser.await().until(ExpectedConditions.urlContains("sort=edition%2Casc"));
        browser.awaitReady("licenses");
        assertThat(texts("license-edition")).hasSizeGreaterThanOrEqualTo(4).isSorted();
        assertThat(ariaSort("edition")).isEqualTo("ascending");

        browser.byTestId("sort-edition").click();
        browser.await().until(ExpectedConditions.urlContains("sort=edition%2Cdesc"));
        browser.awaitReady("licenses");
        assertThat(texts("license-edition")).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(ariaSort("edition")).isEqualTo("descending");

        browser.byTestId("sort-licenseKey").click();
        browser.await().until(ExpectedConditions.urlContains("sort=licenseKey%2Casc"));
        browser.driver.navigate().refresh();
        browser.awaitReady("licenses");
        assertThat(texts("license-key")).hasSizeGreaterThanOrEqualTo(4).isSorted();
        assertThat(ariaSort("licenseKey")).isEqualTo("ascending");
        assertThat(ariaSort("edition")).isEqualTo("none");
    }

    @Test
    void attachesALicenseBoughtWithAnotherEmailWithTheCodeFromThatMailbox() {
        Inbox purchaseMailbox = new Inbox("it-department@example.org");
        int codesBefore = purchaseMailbox.count("Confirm adding your licenses");

        browser.byTestId("attach-open").click();
        browser.byTestId("attach-identifier").sendKeys("DEMO-2001");
        browser.byTestId("attach-send").click();
        String code = purchaseMailbox.awaitCode("Confirm adding your licenses", codesBefore);
        browser.byTestId("attach-code").sendKeys(code);
        browser.byTestId("attach-confirm").click();

        // DEMO-2001 is one Backup Server license (local-stack's demo-data.json); the list shows it
        // without a reload.
        browser.await()
                .until(ExpectedConditions.textToBe(
                        testId("attach-message"), "1 license was attached to your account: Backup Server."));
        assertThat(browser.focusedTestId()).isEqualTo("attach-done");
        assertThat(purchaseIds()).contains("DEMO-2001");
        assertThat(rowOf("DEMO-2001", "Backup")
                        .findElement(testId("license-edition"))
                        .getText())
                .isEqualTo("Server");
    }

    @Test
    void remoteManagementCanBeAllowedAndStaysAllowed() {
        WebElement row = rowOf("DEMO-1001", "Backup");
        String licenseId = row.getAttribute("data-license-id");
        WebElement toggle = row.findElement(testId("rm-switch"));
        boolean before = toggle.isSelected();

        toggle.click();
        browser.await().until(driver -> saved(licenseId) && switchOf(licenseId).isSelected() != before);
        browser.driver.navigate().refresh();
        browser.awaitReady("licenses");

        assertThat(switchOf(licenseId).isSelected()).isEqualTo(!before);
    }

    @Test
    void anOfflineActivationShowsItsKeyAndIsDeactivatedWithTheMachinesCode() throws Exception {
        String licenseKey = rowOf("DEMO-1001", "Explorer")
                .findElement(testId("license-key"))
                .getText();
        String hostname = "offline-" + UUID.randomUUID().toString().substring(0, 8);

        browser.byTestId("activations-tab").click();
        browser.awaitReady("activations");
        browser.byTestId("offline-service-key")
                .sendKeys(ServiceKeys.v1(DemoSeed.DEMO_EMAIL, licenseKey, hostname, "3.1.0"));
        browser.byTestId("offline-activate").click();
        String activationKey = browser.await().until(driver -> {
            String value = browser.byTestId("offline-activation-key").getAttribute("value");
            return value == null || value.isBlank() ? null : value;
        });
        assertThat(activationKey.split("\\.")).hasSize(3); // a compact JWS
        browser.await().until(driver -> activationRow(hostname) != null);

        // The machine removes its key and shows the code (license-client deactivate --offline computes it so).
        String[] jws = activationKey.split("\\.");
        var claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jws[1]));
        String code = DeactivationCode.of(
                Base64.getUrlDecoder().decode(claims.path("dsec").asText()),
                claims.path("sub").asText());
        clickDeactivate(hostname);
        assertThat(browser.byTestId("deactivate-text").getText()).contains("activated offline");
        browser.byTestId("deactivate-code").sendKeys(code);
        browser.byTestId("confirm-offline-deactivate").click();

        browser.await().until(driver -> activationRow(hostname) == null);
    }

    @Test
    void theRemoteManagementSwitchKeepsTheFocusWhenUsedByKeyboard() {
        String licenseId = rowOf("DEMO-1001", "Backup").getAttribute("data-license-id");
        boolean before = switchOf(licenseId).isSelected();
        browser.driver.executeScript("arguments[0].focus()", switchOf(licenseId));

        new Actions(browser.driver).sendKeys(Keys.SPACE).perform();
        browser.await().until(driver -> saved(licenseId) && switchOf(licenseId).isSelected() != before);
        // The row is drawn again from the answer; focus is on the new row's switch.
        assertFocusOnSwitch(licenseId);

        new Actions(browser.driver).sendKeys(Keys.SPACE).perform();
        browser.await().until(driver -> saved(licenseId) && switchOf(licenseId).isSelected() == before);
        assertFocusOnSwitch(licenseId);
    }

    @Test
    void aSwitchThatCannotBeUsedSaysTheBackupRuleInVisibleText() {
        WebElement explorer = rowOf("DEMO-1001", "Explorer");

        assertThat(explorer.findElement(testId("rm-switch")).isEnabled()).isFalse();
        assertThat(explorer.findElement(testId("rm-reason")).isDisplayed()).isTrue();
        assertThat(explorer.findElement(testId("rm-reason")).getText()).contains("Backup 5.2 and newer");
        assertThat(explorer.findElement(testId("rm-switch")).getAttribute("aria-describedby"))
                .isEqualTo(explorer.findElement(testId("rm-reason")).getAttribute("id"));
    }

    @Test
    void aDialogKeepsTabInsideClosesOnEscapeAndGivesTheFocusBack() {
        browser.driver.executeScript("arguments[0].focus()", browser.byTestId("attach-open"));
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        WebElement dialog = browser.byTestId("attach-dialog");
        assertThat(browser.focusedTestId()).isEqualTo("attach-identifier");

        // The dialog has four controls now (close, field, Send code, Cancel): more presses than that
        // each way go round.
        for (int press = 0; press < 6; press++) {
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
            assertThat(focusIsIn(dialog))
                    .as("Tab no. %d stays in the dialog", press + 1)
                    .isTrue();
        }
        for (int press = 0; press < 6; press++) {
            new Actions(browser.driver)
                    .keyDown(Keys.SHIFT)
                    .sendKeys(Keys.TAB)
                    .keyUp(Keys.SHIFT)
                    .perform();
            assertThat(focusIsIn(dialog))
                    .as("Shift+Tab no. %d stays in the dialog", press + 1)
                    .isTrue();
        }
        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();

        browser.await().until(ExpectedConditions.invisibilityOf(dialog));
        assertThat(browser.focusedTestId()).isEqualTo("attach-open");
    }

    @Test
    void neitherTabScrollsSidewaysFromPhoneToDesktopWidths() {
        anActivation();
        try {
            for (String tab : List.of("licenses", "activations")) {
                browser.byTestId(tab + "-tab").click();
                browser.awaitReady(tab);
                for (int width : new int[] {390, 700, 820, 1280}) {
                    browser.windowWidth(width);
                    browser.screenshot(getClass().getSimpleName() + "-" + tab + "-" + width);
                    assertThat(browser.sidewaysOverflow())
                            .as("%s tab at %d px: pixels past the window", tab, width)
                            .isNotPositive();
                }
            }
        } finally {
            browser.windowWidth(1280);
        }
    }

    @Test
    void theWelcomePageHasNoSeriousAccessibilityViolations() {
        try (Browser loggedOut = Browser.start()) {
            loggedOut.open("/");
            loggedOut.awaitReady("logged-out");
            loggedOut.byTestId("register-open").click();
            loggedOut.byTestId("register-panel");

            assertThat(loggedOut.seriousAccessibilityViolations()).isEmpty();
        }
    }

    @Test
    void bothTabsAndEveryDialogHaveNoSeriousAccessibilityViolations() {
        String hostname = anActivation();
        assertNoSeriousViolations("the licenses tab");

        browser.byTestId("attach-open").click();
        browser.byTestId("attach-dialog");
        assertNoSeriousViolations("the attach dialog");
        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();

        rowOf("DEMO-1001", "Backup").findElement(testId("info")).click();
        browser.awaitReady("summary");
        assertNoSeriousViolations("the details dialog");
        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();

        browser.byTestId("activations-tab").click();
        browser.awaitReady("activations");
        assertNoSeriousViolations("the activations tab");

        clickDeactivate(hostname);
        browser.byTestId("deactivate-dialog");
        assertNoSeriousViolations("the deactivate dialog");
        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
    }

    private static void assertNoSeriousViolations(String where) {
        assertThat(browser.seriousAccessibilityViolations())
                .as("axe-core on %s", where)
                .isEmpty();
    }

    /**
     * An offline activation of the demo account's second Backup Professional license (one seat;
     * the offline test uses the Explorer one), made once: the Activations tab then has a row, and
     * the deactivate dialog a machine to open it for. Answers its hostname; leaves the licenses tab shown.
     */
    private static String anActivation() {
        if (activationHostname == null) {
            List<WebElement> backups = rows().stream()
                    .filter(row -> row.findElement(testId("license-purchase"))
                            .getText()
                            .contains("DEMO-1001"))
                    .filter(row ->
                            row.findElement(testId("license-product")).getText().equals("Backup"))
                    .toList();
            String licenseKey = backups.get(backups.size() - 1)
                    .findElement(testId("license-key"))
                    .getText();
            String hostname = "checked-" + UUID.randomUUID().toString().substring(0, 8);
            browser.byTestId("activations-tab").click();
            browser.awaitReady("activations");
            browser.byTestId("offline-service-key")
                    .sendKeys(ServiceKeys.v1(DemoSeed.DEMO_EMAIL, licenseKey, hostname, "5.2.0"));
            browser.byTestId("offline-activate").click();
            browser.await().until(driver -> activationRow(hostname) != null);
            activationHostname = hostname;
            browser.byTestId("licenses-tab").click();
            browser.awaitReady("licenses");
        }
        return activationHostname;
    }

    private static boolean focusIsIn(WebElement dialog) {
        return (Boolean) browser.driver.executeScript("return arguments[0].contains(document.activeElement)", dialog);
    }

    /** The switch is aria-disabled while its change is saved, and drawn again without it from the answer. */
    private static boolean saved(String licenseId) {
        return switchOf(licenseId).getAttribute("aria-disabled") == null;
    }

    private static List<WebElement> rows() {
        return browser.driver.findElements(testId("license-row"));
    }

    /** The text of one cell per row, in the list's order. */
    private static List<String> texts(String cellTestId) {
        return rows().stream()
                .map(row -> row.findElement(testId(cellTestId)).getText())
                .toList();
    }

    private static String ariaSort(String column) {
        return browser.driver
                .findElement(By.cssSelector("th[data-sort='" + column + "']"))
                .getAttribute("aria-sort");
    }

    private static List<String> purchaseIds() {
        return rows().stream()
                .map(row -> row.findElement(testId("license-purchase")).getText())
                .map(text -> text.lines().findFirst().orElse(""))
                .distinct()
                .toList();
    }

    private static WebElement rowOf(String purchaseId, String productName) {
        return rows().stream()
                .filter(row ->
                        row.findElement(testId("license-purchase")).getText().contains(purchaseId))
                .filter(row ->
                        row.findElement(testId("license-product")).getText().contains(productName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + productName + " license of " + purchaseId));
    }

    /** Focus on the license's switch, read in one script so that a redraw cannot come in between. */
    private static void assertFocusOnSwitch(String licenseId) {
        Object focused = browser.driver.executeScript(
                "const e = document.activeElement; return e && e.dataset.testid === 'rm-switch'"
                        + " && e.dataset.licenseId === arguments[0];",
                licenseId);
        assertThat(focused)
                .as("focus on the Remote Management switch of " + licenseId)
                .isEqualTo(true);
    }

    private static WebElement switchOf(String licenseId) {
        return browser.driver.findElement(
                By.cssSelector("[data-testid='rm-switch'][data-license-id='" + licenseId + "']"));
    }

    /** Deactivate on the machine's row, found again if the list is drawn anew meanwhile. */
    private static void clickDeactivate(String hostname) {
        browser.await().until(driver -> {
            WebElement row = activationRow(hostname);
            if (row == null) {
                return false;
            }
            row.findElement(testId("deactivate")).click();
            return true;
        });
    }

    private static WebElement activationRow(String hostname) {
        return browser.driver.findElements(testId("activation-row")).stream()
                .filter(row ->
                        row.findElement(testId("activation-hostname")).getText().equals(hostname))
                .findFirst()
                .orElse(null);
    }
}
