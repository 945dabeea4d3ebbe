package org.licensecentral.identity;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.licensecentral.testsupport.RealInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Failed logins from one address, across accounts, end in 429 with Retry-After (a low limit, in a context of its own). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "licensecentral.identity.failed-logins.per-address=3")
@RealInfrastructure
class LoginThrottleIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void failedLoginsFromOneAddressAcrossAccountsEndIn429WithRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(login("nobody-" + UUID.randomUUID() + "@example.org").headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).contains("/login?error"));
        }

        HttpResponse<String> fourth = login("nobody-" + UUID.randomUUID() + "@example.org");

        assertThat(fourth.statusCode()).isEqualTo(429);
        assertThat(fourth.headers().firstValue("Retry-After")).isPresent();
        assertThat(fourth.body()).contains("too-many-failed-logins");
    }

    private HttpResponse<String> login(String email) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        return browser.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(email, UTF_8)
                        + "&password=wrong-password-123&_csrf=" + URLEncoder.encode(csrf.group(1), UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
