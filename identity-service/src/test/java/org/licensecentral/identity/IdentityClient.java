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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.licensecentral.testsupport.TestInfrastructure;
import org.licensecentral.testsupport.TopicReader;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * What the tests do with the running service over HTTP, as the portal and the gateway do: the
 * account API, the login form (with its CSRF token, from a client address of the test's choosing
 * through X-Forwarded-For, which the service believes from loopback), the authorization code flow
 * with PKCE, and the mails requested on notification.requests.
 */
final class IdentityClient {

    static final String REDIRECT = "http://localhost:8080/login/oauth2/code/identity";

    private static final ObjectMapper json = new ObjectMapper();
    private static final HttpClient http = HttpClient.newHttpClient();

    private final int port;
    private final String gatewaySecret;

    IdentityClient(int port, String gatewaySecret) {
        this.port = port;
        this.gatewaySecret = gatewaySecret;
    }

    /** A browser: keeps its cookies, follows no redirects. */
    static HttpClient newBrowser() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A client address of its own for a test (TEST-NET-3, RFC 5737), so that no two tests share a count. */
    static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "203.0." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    static String newEmail() {
        return "person-" + UUID.randomUUID() + "@example.org";
    }

    HttpResponse<String> register(String email, String password) throws Exception {
        return post("/api/v1/accounts", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The login form's POST, with the CSRF token of the browser's login page. */
    HttpRequest loginRequest(HttpClient browser, String address, String email, String password) throws Exception {
        String page = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as(page).isTrue();
        return HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(email, UTF_8) + "&password="
                        + URLEncoder.encode(password, UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), UTF_8)))
                .build();
    }

    /** Logs in with the form; returns where the server sends the browser next. */
    String formLogin(HttpClient browser, String address, String email, String password) throws Exception {
        HttpResponse<String> response =
                browser.send(loginRequest(browser, address, email, password), HttpResponse.BodyHandlers.ofString());
        return response.headers()
                .firstValue("Location")
                .map(l -> l.startsWith("/") ? "http://localhost:" + port + l : l)
                .orElseThrow(() -> new AssertionError(response.statusCode() + " " + response.body()));
    }

    /** The login page a browser sees after a failed login: it names the reason. */
    String loginErrorPage(HttpClient browser) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri("/login?error")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** What the gateway gets from a login: the access and ID tokens, and the refresh token it renews them with. */
    record Tokens(Jwt access, Jwt id, String refresh) {}

    /** The gateway's login: authorize, log in with the form, follow back with a code, exchange it with the PKCE verifier. */
    Tokens logIn(String address, String email, String password) throws Exception {
        HttpClient browser = newBrowser();
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(UTF_8)));
        String authorize = "/oauth2/authorize?response_type=code&client_id=gateway&scope=openid%20email&state=s1"
                + "&redirect_uri=" + URLEncoder.encode(REDIRECT, UTF_8) + "&code_challenge=" + challenge
                + "&code_challenge_method=S256";
        browser.send(HttpRequest.newBuilder(uri(authorize)).build(), HttpResponse.BodyHandlers.ofString());
        String afterLogin = formLogin(browser, address, email, password);
        HttpResponse<String> back = browser.send(
                HttpRequest.newBuilder(URI.create(afterLogin)).build(), HttpResponse.BodyHandlers.ofString());
        String redirect = back.headers().firstValue("Location").orElseThrow();
        assertThat(redirect).startsWith(REDIRECT);
        Matcher code = Pattern.compile("code=([^&]+)").matcher(redirect);
        assertThat(code.find()).isTrue();

        HttpResponse<String> token = http.send(
                HttpRequest.newBuilder(uri("/oauth2/token"))
                        .header("Authorization", gatewayAuthorization())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code.group(1)
                                + "&redirect_uri=" + URLEncoder.encode(REDIRECT, UTF_8) + "&code_verifier=" + verifier))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        JsonNode tokens = json.readTree(token.body());
        return new Tokens(
                decoder().decode(tokens.get("access_token").asText()),
                decoder().decode(tokens.get("id_token").asText()),
                tokens.get("refresh_token").asText());
    }

    /** The gateway renewing its access token with the refresh token, as it does when one runs out. */
    Jwt refresh(String refreshToken) throws Exception {
        HttpResponse<String> token = http.send(
                HttpRequest.newBuilder(uri("/oauth2/token"))
                        .header("Authorization", gatewayAuthorization())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "grant_type=refresh_token&refresh_token=" + URLEncoder.encode(refreshToken, UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return decoder().decode(json.readTree(token.body()).get("access_token").asText());
    }

    /** A JSON POST with the account's access token, as the gateway relays it. */
    HttpResponse<String> postAs(Jwt access, String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + access.getTokenValue())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private NimbusJwtDecoder decoder() {
        return NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/oauth2/jwks")
                .build();
    }

    private String gatewayAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString(("gateway:" + gatewaySecret).getBytes(UTF_8));
    }

    /** The code of the first mail of the template to the address, waiting for it to arrive. */
    String mailedCode(String email, String template) throws Exception {
        ConsumerRecord<String, String> request = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> TopicReader.first(kafka(), "notification.requests", r -> isMail(r, email, template)),
                        r -> r != null);
        return json.readTree(request.value()).get("data").get("code").asText();
    }

    /** The codes of every mail of the template to the address requested so far, oldest first. */
    static List<String> mailedCodes(String email, String template) {
        return TopicReader.readAll(kafka(), "notification.requests").stream()
                .filter(r -> isMail(r, email, template))
                .map(r -> {
                    try {
                        return json.readTree(r.value()).get("data").get("code").asText();
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    /** How many mails of the template to the address have been requested so far. */
    static long mailsTo(String email, String template) {
        return TopicReader.readAll(kafka(), "notification.requests").stream()
                .filter(r -> isMail(r, email, template))
                .count();
    }

    private static boolean isMail(ConsumerRecord<String, String> record, String email, String template) {
        return record.value().contains(email) && record.value().contains("\"" + template + "\"");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String kafka() {
        return TestInfrastructure.get().kafkaBootstrapServers();
    }
}
