package org.licensecentral.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.licensecentral.identity.IdentityClient.newAddress;
import static org.licensecentral.identity.IdentityClient.newBrowser;
import static org.licensecentral.identity.IdentityClient.newEmail;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.licensecentral.testsupport.RealInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** Failed logins from one address, across accounts, end in 429 with Retry-After (a low limit, in a context of its own). */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "licensecentral.identity.failed-logins.per-address=3")
@RealInfrastructure
@Import(PasswordComparisons.class)
class LoginThrottleIntegrationTest {

    private static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;

    @Value("${licensecentral.identity.gateway-client-secret}")
    String gatewaySecret;

    @Autowired
    PasswordComparisons comparisons;

    private IdentityClient identity;

    @BeforeEach
    void connect() {
        identity = new IdentityClient(port, gatewaySecret);
    }

    @Test
    void failedLoginsFromOneAddressAcrossAccountsEndIn429WithRetryAfter() throws Exception {
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(identity.formLogin(newBrowser(), address, newEmail(), "wrong-password-123"))
                    .contains("/login?error");
        }

        HttpClient browser = newBrowser();
        HttpResponse<String> fourth = browser.send(
                identity.loginRequest(browser, address, newEmail(), "wrong-password-123"),
                HttpResponse.BodyHandlers.ofString());

        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.headers().firstValue("Retry-After")).isPresent();
        assertThat(fourth.body()).contains("too-many-failed-logins");
    }

    @Test
    void aBrowsersLoginFormPastTheLimitGetsAPageThatSaysHowLongToWait() throws Exception {
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            identity.formLogin(newBrowser(), address, newEmail(), "wrong-password-123");
        }

        HttpClient browser = newBrowser();
        HttpRequest form = identity.loginRequest(browser, address, newEmail(), "wrong-password-123");
        HttpResponse<String> fourth = browser.send(
                HttpRequest.newBuilder(form, (name, value) -> true)
                        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        long retryAfter =
                Long.parseLong(fourth.headers().firstValue("Retry-After").orElseThrow());
        long minutes = (retryAfter + 59) / 60;
        assertThat(fourth.body())
                .contains("<html lang=\"en\"", "/css/identity.css", "class=\"site-header\"", "href=\"/login\"")
                .contains("Try again in " + minutes + (minutes == 1 ? " minute." : " minutes."))
                .doesNotContain("too-many-failed-logins");
    }

    @Test
    void successfulLoginsDoNotCountAgainstTheirAddress() throws Exception {
        String email = newEmail();
        identity.register(email, PASSWORD);
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(identity.formLogin(newBrowser(), address, email, PASSWORD))
                    .doesNotContain("error");
        }

        assertThat(identity.formLogin(newBrowser(), address, newEmail(), "wrong-password-123"))
                .contains("/login?error");
    }

    @Test
    void thirtyParallelWrongLoginsFromOneAddressReachThePasswordCheckOnlyThreeTimes() throws Exception {
        String address = newAddress();
        List<HttpClient> browsers = new ArrayList<>();
        List<HttpRequest> logins = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            HttpClient browser = newBrowser();
            browsers.add(browser);
            logins.add(identity.loginRequest(browser, address, newEmail(), "wrong-password-123"));
        }
        int before = comparisons.count();

        List<CompletableFuture<HttpResponse<Void>>> answers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            answers.add(browsers.get(i).sendAsync(logins.get(i), HttpResponse.BodyHandlers.discarding()));
        }
        long refused = answers.stream()
                .map(CompletableFuture::join)
                .filter(answer -> answer.statusCode() == 429)
                .count();

        assertThat(comparisons.count() - before).isLessThanOrEqualTo(3);
        assertThat(refused).isEqualTo(27);
    }
}
