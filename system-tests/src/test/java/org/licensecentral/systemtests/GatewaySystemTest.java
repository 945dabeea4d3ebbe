package org.licensecentral.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.licensecentral.systemtests.PortalClient.expect;
import static org.licensecentral.systemtests.PortalClient.json;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one public entry, with the real identity-service and services behind it: accounts, login,
 * the relayed token, isolation between accounts, and the limits. Everything goes through the
 * gateway, as a browser's requests would.
 */
class GatewaySystemTest {

    @BeforeAll
    static void stack() {
        SystemStack.get();
    }

    @Test
    void aNewCustomerRegistersVerifiesAndLogsInThroughTheGateway() {
        String email = Customers.newEmail("newcomer");
        PortalClient browser = new PortalClient();

        browser.register(email, Customers.PASSWORD);
        HttpResponse<String> landing = browser.login(email, Customers.PASSWORD);

        assertThat(landing.uri().toString()).isEqualTo(SystemStack.gateway() + "/");
        assertThat(json(expect(browser.get("/api/v1/session"), 200))
                        .path("email")
                        .asText())
                .isEqualTo(email);
    }

    @Test
    void theSessionsTokenIsRelayedToTheServices() {
        String email = Customers.newEmail("relay");
        PortalClient browser = Customers.loggedIn(email);
        String purchaseId = Customers.purchase(email);

        // license-service answers with the account's own licenses: it took the account from the relayed token.
        JsonNode license = Customers.awaitLicense(browser, purchaseId);

        assertThat(license.path("purchaseId").asText()).isEqualTo(purchaseId);
        assertThat(json(expect(browser.get("/api/v1/activations"), 200)).isArray())
                .isTrue();
    }

    @Test
    void loggingOutEndsTheSessionAtTheGatewayAndAtIdentityService() {
        PortalClient browser = Customers.loggedIn(Customers.newEmail("leaving"));

        HttpResponse<String> landing = browser.logout();

        assertThat(landing.uri().toString()).isEqualTo(SystemStack.gateway() + "/");
        assertThat(browser.loggedIn()).isFalse();
        // Logging in again asks for the password: identity-service's session ended too.
        assertThat(browser.startLogin().uri().getPath()).isEqualTo("/login");
    }

    @Test
    void theCorrelationIdGivenToTheCallerIsInTheServicesLogLines() throws Exception {
        String email = Customers.newEmail("traced");
        JsonNode license = Customers.awaitLicense(Customers.loggedIn(email), Customers.purchase(email));

        HttpResponse<String> activation = new PortalClient()
                .post(
                        "/api/v1/software/activations",
                        Map.of(
                                "email",
                                email,
                                "licenseKey",
                                license.path("licenseKey").asText(),
                                "fingerprint",
                                "fp-" + UUID.randomUUID(),
                                "hostname",
                                "traced-pc",
                                "productVersion",
                                "5.3.0"));
        String correlationId =
                activation.headers().firstValue("X-Correlation-Id").orElseThrow();

        Path log = SystemStack.get().dataDir().resolve("logs").resolve("activation-service.log");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(Files.readString(log)).contains("[activation-service," + correlationId + ","));
    }

    @Test
    void withoutALoginTheApiAnswers401() {
        HttpResponse<String> response = new PortalClient().get("/api/v1/licenses");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void anotherAccountGets404ForALicenseAndAnActivationByReadAndByWrite() {
        String ownerEmail = Customers.newEmail("owner");
        PortalClient owner = Customers.loggedIn(ownerEmail);
        JsonNode license = Customers.awaitLicense(owner, Customers.purchase(ownerEmail));
        String licenseId = license.path("id").asText();
        expect(
                new PortalClient()
                        .post(
                                "/api/v1/software/activations",
                                Map.of(
                                        "email",
                                        ownerEmail,
                                        "licenseKey",
                                        license.path("licenseKey").asText(),
                                        "fingerprint",
                                        "fp-" + UUID.randomUUID(),
                                        "hostname",
                                        "owner-pc",
                                        "productVersion",
                                        "5.3.0")),
                200);
        // The activation list is a read model: it shows the activation a moment later.
        String activationId = await().atMost(Duration.ofSeconds(30))
                .until(() -> json(expect(owner.get("/api/v1/activations"), 200)), rows -> rows.size() == 1)
                .get(0)
                .path("id")
                .asText();
        PortalClient other = Customers.loggedIn(Customers.newEmail("other"));

        assertThat(other.get("/api/v1/licenses/" + licenseId).statusCode()).isEqualTo(404);
        assertThat(other.get("/api/v1/licenses/" + licenseId + "/download").statusCode())
                .isEqualTo(404);
        assertThat(other.put("/api/v1/licenses/" + licenseId + "/remote-management", Map.of("allowed", true))
                        .statusCode())
                .isEqualTo(404);
        assertThat(other.delete("/api/v1/activations/" + activationId).statusCode())
                .isEqualTo(404);
        assertThat(json(other.get("/api/v1/activations"))).isEmpty();
        // Untouched for its owner.
        assertThat(json(owner.get("/api/v1/activations")).get(0).path("id").asText())
                .isEqualTo(activationId);
    }

    @Test
    void installedProductsActivateWithoutALogin() {
        String email = Customers.newEmail("installer");
        JsonNode license = Customers.awaitLicense(Customers.loggedIn(email), Customers.purchase(email));

        HttpResponse<String> activation = new PortalClient()
                .post(
                        "/api/v1/software/activations",
                        Map.of(
                                "email",
                                email,
                                "licenseKey",
                                license.path("licenseKey").asText(),
                                "fingerprint",
                                "fp-" + UUID.randomUUID(),
                                "hostname",
                                "server-1",
                                "productVersion",
                                "5.2.0"));

        assertThat(activation.statusCode()).isEqualTo(200);
        assertThat(json(activation).path("activationKey").asText()).isNotBlank();
    }

    @Test
    void internalPathsAreUnreachableThroughTheGateway() {
        PortalClient browser = Customers.loggedIn(Customers.newEmail("curious"));

        HttpResponse<String> response = browser.post("/internal/purchases", Map.of("purchaseId", "X-1"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new PortalClient().post("/internal/purchases", Map.of()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
        String email = Customers.newEmail("forgetful");
        new PortalClient().register(email, Customers.PASSWORD);
        PortalClient browser = new PortalClient();

        for (int i = 0; i < 5; i++) {
            browser.login(email, "Wrong-Password-" + i);
        }
        HttpResponse<String> withTheRightOne = browser.login(email, Customers.PASSWORD);

        assertThat(withTheRightOne.uri().getPath()).isEqualTo("/login");
        assertThat(browser.loggedIn()).isFalse();
    }

    @Test
    void attachRequestsPastTheLimitGet429WithRetryAfter() {
        PortalClient browser = Customers.loggedIn(Customers.newEmail("hasty"));

        HttpResponse<String> response = null;
        for (int i = 0; i < 11; i++) { // 10 per account in 10 minutes pass the gateway
            response = browser.post("/api/v1/license-attachments", Map.of("purchaseId", "NONE-" + i));
        }

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(response).path("type").asText()).isEqualTo("https://licensecentral.org/problems/rate-limited");
    }
}
