package org.licensecentral.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.licensecentral.identity.IdentityClient.newAddress;
import static org.licensecentral.identity.IdentityClient.newBrowser;
import static org.licensecentral.identity.IdentityClient.newEmail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.licensecentral.identity.account.LoginLimits;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * identity-service's own login page (issue 16): the portal's look, the e-mail address as the login
 * name, links to the portal's account flows, a message that says what went wrong, and a strict
 * CSP; a login from it goes on with the authorization request that sent the browser there.
 */
@IdentityServiceContext
class LoginPageIntegrationTest {

    private static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;

    @Value("${licensecentral.identity.gateway-client-secret}")
    String gatewaySecret;

    @Value("${licensecentral.identity.gateway-url}")
    String gatewayUrl;

    @Autowired
    LoginLimits limits;

    private IdentityClient identity;

    @BeforeEach
    void connect() {
        identity = new IdentityClient(port, gatewaySecret);
    }

    @Test
    void theLoginPageAsksForTheEmailAddressAsTheLoginName() throws Exception {
        String page = loginPage().body();

        assertThat(page).contains("<html lang=\"en\"").contains("<label for=\"email\">E-mail address</label>");
        assertThat(tag(page, "input", "email"))
                .contains("type=\"email\"", "name=\"username\"", "autocomplete=\"username\"", "required")
                .doesNotContain("aria-invalid");
        assertThat(tag(page, "input", "password"))
                .contains("type=\"password\"", "name=\"password\"", "autocomplete=\"current-password\"");
        assertThat(page).containsPattern("<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"");
        assertThat(page).doesNotContain("<script", "style=");
    }

    @Test
    void theLoginPageLinksToAccountCreationPasswordResetAndThePortal() throws Exception {
        String page = loginPage().body();

        assertThat(tag(page, "a", "register-link"))
                .contains("href=\"" + gatewayUrl + "/#create-account\"")
                .endsWith(">Create an account</a>");
        assertThat(tag(page, "a", "reset-link"))
                .contains("href=\"" + gatewayUrl + "/#reset-password\"")
                .endsWith(">Forgot your password?</a>");
        assertThat(tag(page, "a", "portal-link"))
                .contains("href=\"" + gatewayUrl + "/\"")
                .endsWith(">Back to License Central</a>");
    }

    @Test
    void theLoginPageAndItsStylesheetComeWithAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = loginPage();
        HttpResponse<String> css = get("/css/identity.css");

        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains("default-src 'self'", "script-src 'none'", "style-src 'self'")
                        .contains("frame-ancestors 'none'", "form-action 'self' " + gatewayUrl)
                        .doesNotContain("unsafe-inline"));
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains("--primary: #0b5cad");
    }

    @Test
    void aWrongPasswordSaysThatTheEmailAddressOrPasswordIsWrongAndKeepsTheAddress() throws Exception {
        String email = registered();
        HttpClient browser = newBrowser();

        assertThat(identity.formLogin(browser, newAddress(), email, "a wrong password"))
                .endsWith("/login?error");

        String page = identity.loginErrorPage(browser);
        assertThat(tag(page, "p", "login-error"))
                .contains("role=\"alert\"")
                .endsWith(">Wrong e-mail address or password.</p>");
        assertThat(tag(page, "input", "email"))
                .contains("value=\"" + email + "\"", "aria-describedby=\"login-error\"", "aria-invalid=\"true\"");
        assertThat(tag(page, "input", "password")).contains("aria-describedby=\"login-error\"", "autofocus");
    }

    @Test
    void anUnknownAddressReadsLikeAWrongPassword() throws Exception {
        HttpClient browser = newBrowser();
        identity.formLogin(browser, newAddress(), newEmail(), PASSWORD);

        assertThat(identity.loginErrorPage(browser)).contains("Wrong e-mail address or password.");
    }

    @Test
    void afterTheConfiguredFailuresTheRightPasswordGetsTheWaitInMinutes() throws Exception {
        String email = registered();
        String address = newAddress();
        for (int i = 0; i < limits.account().free(); i++) {
            identity.formLogin(newBrowser(), address, email, "wrong password " + i);
        }
        HttpClient browser = newBrowser();

        assertThat(identity.formLogin(browser, address, email, PASSWORD)).endsWith("/login?error");

        // The wait after the last free failure is the first delay, rounded up to whole minutes.
        long minutes = Math.max(1, (limits.account().firstDelay().toSeconds() + 59) / 60);
        assertThat(tag(identity.loginErrorPage(browser), "p", "login-error"))
                .contains("Too many failed attempts from this address. Try again in " + minutes
                        + (minutes == 1 ? " minute." : " minutes."))
                .contains("Resetting your password lifts the wait at once.");
    }

    @Test
    void aLoginFromThePageGoesOnWithTheAuthorizationRequestThatLedThere() throws Exception {
        String email = registered();

        assertThat(identity.logIn(newAddress(), email, PASSWORD).access().getClaimAsString("email"))
                .isEqualTo(email);
    }

    /** The element with the id, from its start tag to its end tag (or the end of a void element's tag). */
    private static String tag(String page, String name, String id) {
        Matcher element = Pattern.compile(
                        "<" + name + "\\b[^>]*\\bid=\"" + id + "\"[^>]*>"
                                + (name.equals("input") ? "" : ".*?</" + name + ">"),
                        Pattern.DOTALL)
                .matcher(page);
        assertThat(element.find()).as("<%s id=%s> in %s", name, id, page).isTrue();
        return element.group();
    }

    private HttpResponse<String> loginPage() throws Exception {
        return get("/login");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return newBrowser()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Accept", "text/html")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private String registered() throws Exception {
        String email = newEmail();
        assertThat(identity.register(email, PASSWORD).statusCode()).isEqualTo(202);
        return email;
    }
}
