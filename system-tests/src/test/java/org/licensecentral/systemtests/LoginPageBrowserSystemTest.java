package org.licensecentral.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * identity-service's login page in headless Chromium, reached as a person reaches it, from the
 * portal's "Log in" (issue 16): its links lead to the portal's account flows with their panel
 * open, and a wrong password is said on the page. Logging in itself is what every other browser
 * test does first ({@link Browser#logIn}).
 */
class LoginPageBrowserSystemTest {

    private static Browser browser;

    @BeforeAll
    static void startTheBrowser() {
        SystemStack.get();
        browser = Browser.start();
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
    void createAnAccountLeadsToThePortalWithItsRegistrationOpen() {
        openTheLoginPage();

        browser.driver.findElement(By.linkText("Create an account")).click();

        browser.await().until(ExpectedConditions.visibilityOfElementLocated(Browser.testId("register-panel")));
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("register-email");
    }

    @Test
    void forgotYourPasswordLeadsToThePortalWithItsResetOpen() {
        openTheLoginPage();

        browser.driver.findElement(By.linkText("Forgot your password?")).click();

        browser.await().until(ExpectedConditions.visibilityOfElementLocated(Browser.testId("reset-panel")));
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("reset-email");
    }

    @Test
    void aWrongPasswordIsSaidOnThePageWithTheAddressKept() {
        String email = Customers.newEmail("mistyped");
        openTheLoginPage().sendKeys(email);
        browser.driver.findElement(By.id("password")).sendKeys("Not-The-Password-1");
        browser.driver.findElement(By.cssSelector("button[type='submit']")).click();

        WebElement error = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(error.getText()).contains("Wrong e-mail address or password.");
        assertThat(browser.driver.findElement(By.id("email")).getAttribute("value"))
                .isEqualTo(email);
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("password");
    }

    /** The portal's "Log in", then identity-service's page: returns its e-mail field. */
    private static WebElement openTheLoginPage() {
        // A fresh start: no session at the gateway or at identity-service (both on this host).
        browser.open("/");
        browser.driver.manage().deleteAllCookies();
        browser.open("/");
        browser.byTestId("login").click();
        WebElement email = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("email")));
        assertThat(browser.driver
                        .findElement(By.cssSelector("label[for='email']"))
                        .getText())
                .isEqualTo("E-mail address");
        return email;
    }
}
