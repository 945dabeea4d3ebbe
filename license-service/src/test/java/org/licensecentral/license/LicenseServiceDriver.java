package org.licensecentral.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.licensecentral.testsupport.TestInfrastructure;
import org.licensecentral.testsupport.TestJwtIssuer;
import org.licensecentral.testsupport.TopicWriter;

/**
 * Drives a running license-service the way its real clients do: the web store publishing to
 * {@code store.purchases}, activation-service publishing to {@code activation.events}, and the
 * portal calling the API with an account's token.
 */
final class LicenseServiceDriver implements AutoCloseable {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();

    private final int port;
    private final TopicWriter producer = TopicWriter.toTestBroker();

    LicenseServiceDriver(int port) {
        this.port = port;
    }

    static String kafka() {
        return TestInfrastructure.get().kafkaBootstrapServers();
    }

    static String newEmail() {
        return "buyer-" + UUID.randomUUID() + "@example.org";
    }

    static String newPurchaseId() {
        return "P-" + UUID.randomUUID();
    }

    static String item(String product, String edition, int quantity) {
        return "{\"productCode\":\"" + product + "\",\"edition\":\"" + edition + "\",\"quantity\":" + quantity
                + ",\"maintenanceMonths\":12}";
    }

    static String renewal(String product, String edition, String licenseKey, int months) {
        return "{\"productCode\":\"" + product + "\",\"edition\":\"" + edition + "\",\"quantity\":1"
                + ",\"maintenanceMonths\":" + months + ",\"renewsLicenseKey\":\"" + licenseKey + "\"}";
    }

    static String purchase(String purchaseId, String email, String... items) {
        return purchaseAt("2026-11-01T09:30:00Z", purchaseId, email, items);
    }

    static String purchaseAt(String purchasedAt, String purchaseId, String email, String... items) {
        return "{\"purchaseId\":\"" + purchaseId + "\",\"email\":\"" + email + "\",\"purchasedAt\":\"" + purchasedAt
                + "\",\"items\":[" + String.join(",", items) + "]}";
    }

    /** An account's token; one account per e-mail here, its id derived so repeated calls agree. */
    static String tokenFor(String email) {
        return TestJwtIssuer.get()
                .accountToken("acc-" + UUID.nameUUIDFromBytes(email.getBytes(StandardCharsets.UTF_8)), email, true);
    }

    /** As the web store publishes a purchase. */
    void publishPurchase(String body) throws Exception {
        publish(
                "store.purchases",
                json.readTree(body).get("purchaseId").asText(),
                body,
                "org.licensecentral.store.purchase-completed.v1",
                "/web-store");
    }

    /** As activation-service publishes to activation.events. */
    void publishActivationEvent(String type, String licenseId, String body) throws Exception {
        publish("activation.events", licenseId, body, type, "/activation-service");
    }

    private void publish(String topic, String key, String body, String type, String source) {
        producer.send(topic, key, type, source, body);
    }

    /** Issues a purchase over the internal API and waits until its licenses are listed; returns the list. */
    JsonNode buy(String email, String... items) throws Exception {
        return buyPurchase(email, purchase(newPurchaseId(), email, items));
    }

    /** As {@link #buy}, with the whole purchase body given. */
    JsonNode buyPurchase(String email, String purchase) throws Exception {
        HttpResponse<String> response =
                post("/internal/purchases", purchase, TestJwtIssuer.get().internalToken());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return awaitLicenses(
                email, json.readTree(response.body()).get("licenseIds").size());
    }

    JsonNode awaitLicenses(String email, int count) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> licenses(email), page -> page.get("totalItems").asInt() == count);
    }

    JsonNode licenses(String email) throws IOException, InterruptedException {
        return getJson("/api/v1/licenses?size=100", email);
    }

    JsonNode getJson(String path, String email) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path, tokenFor(email));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)), token);
    }

    HttpResponse<String> post(String path, String body, String token) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                token);
    }

    HttpResponse<String> put(String path, String body, String token) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body)),
                token);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token)
            throws IOException, InterruptedException {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** What the published schema of {@code type} (in docs/events) finds wrong with {@code payload}. */
    @Override
    public void close() {
        producer.close();
    }
}
