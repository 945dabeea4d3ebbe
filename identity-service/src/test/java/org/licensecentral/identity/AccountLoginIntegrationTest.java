package org.licensecentral.identity;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.licensecentral.testsupport.RealInfrastructure;
import org.licensecentral.testsupport.TestInfrastructure;
import org.licensecentral.testsupport.TopicReader;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Register, verify with the mailed code (taken from notification.requests), then log in through
 * the authorization code flow with PKCE with a cookie-keeping client, as the gateway does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class AccountLoginIntegrationTest {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String REDIRECT = "http://localhost:8080/login/oauth2/code/identity";

    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void aNewAccountVerifiesItsEmailAndLogsInWithTheAccountIdAsSubject() throws Exception {
        String email = newEmail();
        assertThat(register(email, PASSWORD).statusCode()).isEqualTo(202);

        assertThat(post("/api/v1/accounts/verification", "{\"email\":\"" + email + "\",\"code\":\"" + mailedCode(email) + "\"}")
                .statusCode()).isEqualTo(204);
        Jwt token = logIn(email, PASSWORD);

        assertThat(token.getSubject()).isNotEqualTo(email).matches("[0-9a-f-]{36}");
        assertThat(token.getClaimAsString("email")).isEqualTo(email);
        assertThat(token.getClaimAsBoolean("email_verified")).isTrue();
    }

    @Test
    void anUnverifiedAccountLogsInWithEmailVerifiedFalse() throws Exception {
        String email = newEmail();
        register(email, PASSWORD);

        assertThat(logIn(email, PASSWORD).getClaimAsBoolean("email_verified")).isFalse();
    }

    @Test
    void registeringAKnownAddressAnswersTheSameAndMailsNothingNew() throws Exception {
        String email = newEmail();
        HttpResponse<String> first = register(email, PASSWORD);
        mailedCode(email);

        HttpResponse<String> again = register(email, "another long passphrase");

        assertThat(again.statusCode()).isEqualTo(first.statusCode());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(TopicReader.readAll(kafka(), "notification.requests").stream()
                .filter(r -> r.value().contains(email))).hasSize(1);
    }

    @Test
    void aWeakPasswordIsRefusedWithTheReason() throws Exception {
        HttpResponse<String> common = register(newEmail(), "Password123!");
        HttpResponse<String> shortOne = register(newEmail(), "sh0rt");

        assertThat(common.statusCode()).isEqualTo(400);
        assertThat(common.body()).contains("weak-password").contains("commonly used");
        assertThat(shortOne.body()).contains("12 to 128");
    }

    @Test
    void aWrongCodeAndAnUnknownAddressFailVerificationAlike() throws Exception {
        String email = newEmail();
        register(email, PASSWORD);

        HttpResponse<String> wrong = post("/api/v1/accounts/verification", "{\"email\":\"" + email + "\",\"code\":\"ZZZZZZZZ\"}");
        HttpResponse<String> unknown = post("/api/v1/accounts/verification",
                "{\"email\":\"" + newEmail() + "\",\"code\":\"ZZZZZZZZ\"}");

        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).isEqualTo(unknown.body());
    }

    @Test
    void fiveFailedLoginsLockTheAccountEvenAgainstTheRightPassword() throws Exception {
        String email = newEmail();
        register(email, PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertThat(formLogin(newBrowser(), email, "wrong password " + i)).contains("/login?error");
        }

        assertThat(formLogin(newBrowser(), email, PASSWORD)).contains("/login?error");
    }

    @Test
    void aForgottenPasswordIsResetWithTheMailedCodeAndTheOldOneNoLongerWorks() throws Exception {
        String email = newEmail();
        register(email, PASSWORD);
        mailedCode(email, "email-verification");
        HttpResponse<String> unknown = post("/api/v1/accounts/password-reset", "{\"email\":\"" + newEmail() + "\"}");
        HttpResponse<String> known = post("/api/v1/accounts/password-reset", "{\"email\":\"" + email + "\"}");
        assertThat(known.statusCode()).isEqualTo(202);
        assertThat(known.body()).isEqualTo(unknown.body());
        String code = mailedCode(email, "password-reset");

        HttpResponse<String> reset = post("/api/v1/accounts/password-reset/confirmation",
                "{\"email\":\"" + email + "\",\"code\":\"" + code + "\",\"newPassword\":\"an entirely new passphrase\"}");

        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(204);
        assertThat(logIn(email, "an entirely new passphrase").getClaimAsString("email")).isEqualTo(email);
        assertThat(formLogin(newBrowser(), email, PASSWORD)).contains("/login?error");
    }

    @Test
    void aPasswordResetAlsoConfirmsAnAddressThatWasNeverVerified() throws Exception {
        // Registered, but the verification code was lost or expired: the reset code proves the mailbox too.
        String email = newEmail();
        register(email, PASSWORD);
        post("/api/v1/accounts/password-reset", "{\"email\":\"" + email + "\"}");
        String code = mailedCode(email, "password-reset");

        post("/api/v1/accounts/password-reset/confirmation",
                "{\"email\":\"" + email + "\",\"code\":\"" + code + "\",\"newPassword\":\"an entirely new passphrase\"}");

        assertThat(logIn(email, "an entirely new passphrase").getClaimAsBoolean("email_verified")).isTrue();
    }

    /** The gateway's login: authorize, log in with the form, follow back with a code, exchange it with the PKCE verifier. */
    private Jwt logIn(String email, String password) throws Exception {
        HttpClient browser = newBrowser();
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(UTF_8)));
        String authorize = "/oauth2/authorize?response_type=code&client_id=gateway&scope=openid%20email&state=s1"
                + "&redirect_uri=" + URLEncoder.encode(REDIRECT, UTF_8) + "&code_challenge=" + challenge
                + "&code_challenge_method=S256";
        browser.send(HttpRequest.newBuilder(uri(authorize)).build(), HttpResponse.BodyHandlers.ofString());
        String afterLogin = formLogin(browser, email, password);
        HttpResponse<String> back = browser.send(HttpRequest.newBuilder(URI.create(afterLogin)).build(),
                HttpResponse.BodyHandlers.ofString());
        String redirect = back.headers().firstValue("Location").orElseThrow();
        assertThat(redirect).startsWith(REDIRECT);
        Matcher code = Pattern.compile("code=([^&]+)").matcher(redirect);
        assertThat(code.find()).isTrue();

        HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("gateway:local-gateway-secret".getBytes(UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code.group(1)
                        + "&redirect_uri=" + URLEncoder.encode(REDIRECT, UTF_8) + "&code_verifier=" + verifier))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/oauth2/jwks").build()
                .decode(json.readTree(token.body()).get("access_token").asText());
    }

    /** Posts the login form with its CSRF token; returns where the server sends the browser next. */
    private String formLogin(HttpClient browser, String email, String password) throws Exception {
        String page = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as(page).isTrue();
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(email, UTF_8) + "&password="
                        + URLEncoder.encode(password, UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        return response.headers().firstValue("Location").map(l -> l.startsWith("/") ? "http://localhost:" + port + l : l)
                .orElseThrow();
    }

    private String mailedCode(String email) throws Exception {
        return mailedCode(email, "email-verification");
    }

    private String mailedCode(String email, String template) throws Exception {
        ConsumerRecord<String, String> request = await().atMost(Duration.ofSeconds(30)).until(
                () -> TopicReader.first(kafka(), "notification.requests",
                        r -> r.value().contains(email) && r.value().contains("\"" + template + "\"")), r -> r != null);
        return json.readTree(request.value()).get("data").get("code").asText();
    }

    private HttpResponse<String> register(String email, String password) throws Exception {
        return post("/api/v1/accounts", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient newBrowser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String kafka() {
        return TestInfrastructure.get().kafkaBootstrapServers();
    }

    private static String newEmail() {
        return "person-" + UUID.randomUUID() + "@example.org";
    }
}
