package org.licensecentral.systemtests;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An HTTP client that behaves like the portal in a browser: it keeps cookies, follows the login
 * redirects between the gateway and identity-service, and echoes the XSRF-TOKEN cookie in the
 * X-XSRF-TOKEN header on every state change. It talks to the gateway only, except for the
 * identity-service login page the login round trip sends every browser to.
 */
final class PortalClient {

    static final String VERIFICATION_SUBJECT = "Confirm your e-mail address";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private static final ObjectMapper json = new ObjectMapper();

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    // HTTP/1.1 as a browser speaks it over plain http: no h2c upgrade attempts on the way.
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    /** Registers through the gateway and verifies the address with the code from its mailbox. */
    void register(String email, String password) {
        Inbox inbox = new Inbox(email);
        int before = inbox.count(VERIFICATION_SUBJECT);
        expect(post("/api/v1/accounts", Map.of("email", email, "password", password)), 202);
        String code = inbox.awaitCode(VERIFICATION_SUBJECT, before);
        expect(post("/api/v1/accounts/verification", Map.of("email", email, "code", code)), 204);
    }

    /**
     * The authorization code round trip a browser makes: the gateway sends it to identity-service's
     * login page, the form is posted there, and the redirects end back at the portal with a
     * session. Returns the last response; {@link #loggedIn()} tells whether it worked.
     */
    HttpResponse<String> login(String email, String password) {
        HttpResponse<String> loginPage = startLogin();
        Matcher csrf = CSRF_FIELD.matcher(loginPage.body());
        if (!csrf.find()) {
            throw new AssertionError("no login form at " + loginPage.uri() + ": " + loginPage.statusCode());
        }
        String form = "username=" + encode(email) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        return send(HttpRequest.newBuilder(loginPage.uri().resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form)));
    }

    /** The portal's "Log in" link: where the browser lands, the login form unless a session at identity-service still stands. */
    HttpResponse<String> startLogin() {
        return send(HttpRequest.newBuilder(gateway("/oauth2/authorization/identity")));
    }

    /** The portal's "Log out" button: a form post with the CSRF token, then the redirects to wherever they lead. */
    HttpResponse<String> logout() {
        if (xsrfToken().isEmpty()) {
            get("/api/v1/session");
        }
        return send(HttpRequest.newBuilder(gateway("/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("_csrf=" + encode(xsrfToken().orElseThrow()))));
    }

    /** The value of the gateway's session cookie, for a load tool that polls as this logged-in customer. */
    String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("SESSION"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("not logged in"));
    }

    boolean loggedIn() {
        return get("/api/v1/session").statusCode() == 200;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(gateway(path)).header("Accept", "application/json"));
    }

    HttpResponse<String> post(String path, Object body) {
        return send(withCsrf(HttpRequest.newBuilder(gateway(path))).POST(BodyPublishers.ofString(write(body))));
    }

    HttpResponse<String> put(String path, Object body) {
        return send(withCsrf(HttpRequest.newBuilder(gateway(path))).PUT(BodyPublishers.ofString(write(body))));
    }

    HttpResponse<String> delete(String path) {
        return send(withCsrf(HttpRequest.newBuilder(gateway(path))).DELETE());
    }

    /** Any method with a body taken as it is, not serialized: for bad input on purpose. */
    HttpResponse<String> raw(String method, String path, String body) {
        return send(withCsrf(HttpRequest.newBuilder(gateway(path))).method(method, BodyPublishers.ofString(body)));
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ", expected " + status + ": " + response.body());
        }
        return response;
    }

    private HttpRequest.Builder withCsrf(HttpRequest.Builder request) {
        if (xsrfToken().isEmpty()) {
            get("/api/v1/session"); // any answer of the gateway sets the cookie
        }
        return request.header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", xsrfToken().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie")));
    }

    private Optional<String> xsrfToken() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(http, request);
    }

    /** Sends with any client, as this one does: a request that gets no answer fails the test, instead of holding up the build. */
    static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static URI gateway(String path) {
        return URI.create(SystemStack.gateway() + path);
    }

    static String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, UTF_8);
    }
}
