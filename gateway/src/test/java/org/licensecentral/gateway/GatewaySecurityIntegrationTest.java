package org.licensecentral.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.licensecentral.testsupport.RealInfrastructure;
import org.licensecentral.testsupport.TestJwtIssuer;

import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the gateway itself guarantees, whatever stands behind it: who gets through, what is passed
 * on, and what is refused with which problem. A recording backend stands in for the services;
 * login through identity-service and the real services are covered by the system tests.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "licensecentral.gateway.timeouts.headers=PT2S")
// Tracing is off in Spring Boot tests unless asked for; the correlation id is the trace id.
@AutoConfigureMetrics
@AutoConfigureTracing
@RealInfrastructure
class GatewaySecurityIntegrationTest {

    private static final TestJwtIssuer issuer = TestJwtIssuer.get();
    private static final RecordingBackend backend = RecordingBackend.get();

    @DynamicPropertySource
    static void servicesBehindTheGateway(DynamicPropertyRegistry registry) {
        registry.add("licensecentral.services.license-service", backend::uri);
        registry.add("licensecentral.services.activation-service", backend::uri);
    }

    @LocalServerPort
    int port;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http =
            HttpClient.newBuilder().cookieHandler(cookies).build();

    @Test
    void anApiCallWithoutATokenIsRefusedWithProblemJson() throws Exception {
        String path = "/api/v1/licenses/" + UUID.randomUUID();

        HttpResponse<String> response = send(get(path));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(backend.received(path)).isEmpty();
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        String path = "/api/v1/licenses/" + UUID.randomUUID();

        HttpResponse<String> response =
                send(get(path).header("Authorization", "Bearer " + issuer.expiredToken("account-a", "a@example.org")));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(backend.received(path)).isEmpty();
    }

    @Test
    void aBearerTokenIsPassedOnUnchangedWithTheCorrelationIdButNoCookies() throws Exception {
        String path = "/api/v1/licenses/" + UUID.randomUUID();
        String token = issuer.accountToken("account-a", "a@example.org", true);
        send(get("/")); // the browser-side cookies (XSRF-TOKEN) must not travel on

        HttpResponse<String> response = send(get(path).header("Authorization", "Bearer " + token));

        assertThat(response.statusCode()).isEqualTo(200);
        String correlationId = response.headers().firstValue("X-Correlation-Id").orElseThrow();
        RecordingBackend.Received received = backend.received(path).get(0);
        assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
        assertThat(received.header("traceparent")).contains("-" + correlationId + "-");
        assertThat(received.header("Cookie")).isNull();
    }

    @Test
    void internalPathsAreNotRouted() throws Exception {
        HttpResponse<String> response = send(post("/internal/purchases", "{}")
                .header("Authorization", "Bearer " + issuer.accountToken("account-a", "a@example.org", true)));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(backend.received("/internal/purchases")).isEmpty();
    }

    @Test
    void theInternalClientsTokenIsNoBearerForThePortalApi() throws Exception {
        String path = "/api/v1/session";

        HttpResponse<String> response = send(get(path).header("Authorization", "Bearer " + issuer.internalToken()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() throws Exception {
        String path = "/api/v1/licenses/" + UUID.randomUUID();
        String token = issuer.foreignToken(
                "http://elsewhere.example", TestJwtIssuer.PORTAL_AUDIENCE, "account-a", "a@example.org");

        HttpResponse<String> response = send(get(path).header("Authorization", "Bearer " + token));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(backend.received(path)).isEmpty();
    }

    @Test
    void aForwardedAddressTheClientSentIsReplacedByTheConnectionsPeer() throws Exception {
        String path = "/api/v1/licenses/" + UUID.randomUUID();

        send(get(path)
                .header("Authorization", "Bearer " + issuer.accountToken("account-a", "a@example.org", true))
                .header("X-Forwarded-For", "203.0.113.7")
                .header("Forwarded", "for=203.0.113.8"));

        RecordingBackend.Received received = backend.received(path).get(0);
        assertThat(received.headers().entrySet())
                .filteredOn(h -> h.getKey().equalsIgnoreCase("X-Forwarded-For"))
                .singleElement()
                .satisfies(h -> assertThat(h.getValue()).containsExactly("127.0.0.1"));
        assertThat(received.header("Forwarded")).isNull();
    }

    @Test
    void anEncodedSlashOrADoubleSlashIsA400Problem() throws Exception {
        for (String path : new String[] {"/api/v1/licenses%2F..%2Fsession", "/api/v1//licenses"}) {
            HttpResponse<String> response = send(get(path));

            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
        }
    }

    @Test
    void thePublicPortSaysUpOrDownAndServesNoActuator() throws Exception {
        HttpResponse<String> ready = send(get("/readyz"));
        HttpResponse<String> prometheus = send(get("/actuator/prometheus"));
        HttpResponse<String> health = send(get("/actuator/health"));

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(prometheus.statusCode()).isNotEqualTo(200);
        assertThat(health.statusCode()).isNotEqualTo(200);
    }

    @Test
    void aClientThatTricklesItsHeadersIsCutOff() throws Exception {
        // This class runs with a headers timeout of 2 s: a header line every 300 ms keeps every
        // single read short, but the request never completes and the gateway closes the connection.
        int linesSent = 0;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(300);
            OutputStream out = socket.getOutputStream();
            out.write("GET /readyz HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
            boolean closed = false;
            while (!closed && linesSent < 100) {
                try {
                    closed = socket.getInputStream().read() == -1;
                } catch (SocketTimeoutException stillOpen) {
                    try {
                        out.write(("X-Slow-" + linesSent++ + ": 1\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    } catch (IOException reset) {
                        closed = true;
                    }
                } catch (IOException reset) {
                    closed = true;
                }
            }
            assertThat(closed).isTrue();
        }
        // At most about 2 s worth of lines (30 s would be 100); the bound is on lines, not on time.
        assertThat(linesSent).isLessThan(40);
    }

    @Test
    void aCookieSessionMustEchoTheCsrfTokenOnAStateChange() throws Exception {
        String path = "/api/v1/licenses/" + UUID.randomUUID() + "/remote-management";
        send(get("/"));
        String csrf = cookie("XSRF-TOKEN");

        HttpResponse<String> without = send(put(path, "{\"allowed\":true}"));
        HttpResponse<String> with = send(put(path, "{\"allowed\":true}").header("X-XSRF-TOKEN", csrf));

        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(without.body()).contains("https://licensecentral.org/problems/csrf");
        // Past the CSRF check, the request still needs a login.
        assertThat(with.statusCode()).isEqualTo(401);
    }

    @Test
    void aBearerClientNeedsNoCsrfToken() throws Exception {
        String path = "/api/v1/licenses/" + UUID.randomUUID() + "/remote-management";

        HttpResponse<String> response = send(put(path, "{\"allowed\":true}")
                .header("Authorization", "Bearer " + issuer.accountToken("account-a", "a@example.org", true)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(backend.received(path)).hasSize(1);
    }

    @Test
    void installedProductsNeedNeitherLoginNorCsrfAndGetNoCookies() throws Exception {
        HttpResponse<String> response =
                send(post("/api/v1/software/validate", "{\"licenseKey\":\"" + UUID.randomUUID() + "\"}"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void aBearerClientGetsNoSessionOrCsrfCookie() throws Exception {
        HttpResponse<String> response = send(get("/api/v1/licenses")
                .header("Authorization", "Bearer " + issuer.accountToken("account-a", "a@example.org", true)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void aBrowserGetsTheCsrfCookieWithItsFirstAnswer() throws Exception {
        HttpResponse<String> response = send(get("/"));

        assertThat(response.headers().allValues("Set-Cookie"))
                .anySatisfy(
                        cookie -> assertThat(cookie).startsWith("XSRF-TOKEN=").contains("SameSite=Lax"));
    }

    @Test
    void softwareCallsPastTheLimitPerLicenseKeyGet429WithRetryAfter() throws Exception {
        String body = "{\"email\":\"a@example.org\",\"licenseKey\":\"LIMIT-" + UUID.randomUUID() + "\"}";
        int before = backend.received("/api/v1/software/activations").size();

        // The route allows 30 per key and minute, refilled gradually: the 31st call in quick
        // succession, or one of the next few, finds the bucket empty.
        int passed = 0;
        HttpResponse<String> refused = null;
        while (refused == null && passed < 40) {
            HttpResponse<String> response = send(post("/api/v1/software/activations", body));
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                passed++;
            }
        }

        assertThat(passed).isBetween(30, 39);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        assertThat(backend.received("/api/v1/software/activations")).hasSize(before + passed);
        // The body the limit read is still what reaches the service.
        assertThat(backend.received("/api/v1/software/activations").get(before).body())
                .isEqualTo(body);
    }

    @Test
    void aBodyPastTheSizeLimitIsRefused() throws Exception {
        HttpResponse<String> response = send(post("/api/v1/software/validate", "x".repeat(70 * 1024)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aUriPastTheLengthLimitIsRefused() throws Exception {
        HttpResponse<String> response = send(get("/api/v1/licenses?q=" + "x".repeat(10_000))
                .header("Authorization", "Bearer " + issuer.accountToken("account-a", "a@example.org", true)));

        assertThat(response.statusCode()).isEqualTo(414);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        HttpResponse<String> response = send(get("/api/v1/licenses"));

        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains("default-src 'self'")
                        .contains("frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void thePortalsModulesAreServedBeforeALoginAsJavaScriptWithTheSecurityHeaders() throws Exception {
        // The welcome screen runs before there is a session: its modules must not need one.
        HttpResponse<String> response = send(get("/js/main.js"));

        assertThat(response.statusCode()).isEqualTo(200);
        // nosniff: a module script with any other type is not run at all.
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(
                        type -> assertThat(type).containsAnyOf("text/javascript", "application/javascript"));
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.body()).contains("import ");
        // Cached exactly like the page that imports it, so that the two never come from different builds.
        assertThat(response.headers().allValues("Cache-Control"))
                .isNotEmpty()
                .isEqualTo(send(get("/")).headers().allValues("Cache-Control"));
    }

    @Test
    void theSessionEndpointNamesTheCaller() throws Exception {
        HttpResponse<String> response = send(get("/api/v1/session")
                .header("Authorization", "Bearer " + issuer.accountToken("account-a", "a@example.org", true)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"accountId\":\"account-a\"").contains("\"email\":\"a@example.org\"");
    }

    @Test
    void theSessionSaysWhetherTheAddressIsVerifiedAsTheTokenDoes() throws Exception {
        HttpResponse<String> unverified = send(get("/api/v1/session")
                .header("Authorization", "Bearer " + issuer.accountToken("account-u", "u@example.org", false)));
        HttpResponse<String> verified = send(get("/api/v1/session")
                .header("Authorization", "Bearer " + issuer.accountToken("account-v", "v@example.org", true)));

        assertThat(unverified.body()).contains("\"emailVerified\":false");
        assertThat(verified.body()).contains("\"emailVerified\":true");
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path));
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(json));
    }

    private HttpRequest.Builder put(String path, String json) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(json));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name));
    }
}
