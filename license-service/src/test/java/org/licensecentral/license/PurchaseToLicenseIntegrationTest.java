package org.licensecentral.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.licensecentral.testsupport.RealInfrastructure;
import org.licensecentral.testsupport.TestInfrastructure;
import org.licensecentral.testsupport.TestJwtIssuer;
import org.licensecentral.testsupport.TopicReader;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * From the web store's purchase to the customer's license list and the public event stream,
 * through the real broker and MongoDB-wire server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class PurchaseToLicenseIntegrationTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static KafkaProducer<String, String> store;
    private static String kafka;

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @BeforeAll
    static void connectTheStore() {
        kafka = TestInfrastructure.get().kafkaBootstrapServers();
        store = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    @AfterAll
    static void disconnectTheStore() {
        store.close();
    }

    @Test
    void purchaseOnStorePurchasesBecomesOneListedLicensePerUnit() throws Exception {
        String email = newEmail();
        publishPurchase(purchase("P-" + UUID.randomUUID(), email, item("BACKUP", "Professional", 2), item("DRIVE", "Home", 1)));

        JsonNode page = awaitLicenses(email, 3);

        assertThat(page.get("items")).allSatisfy(row -> {
            assertThat(row.get("licenseKey").asText()).matches("([2-9A-HJKMNP-Z]{5}-){4}[2-9A-HJKMNP-Z]{5}");
            assertThat(row.get("status").asText()).isEqualTo("NOT_ACTIVATED");
            assertThat(row.get("maintenanceRunning").asBoolean()).isTrue();
        });
        assertThat(page.findValuesAsText("productName")).containsExactlyInAnyOrder("Backup", "Backup", "Drive");
        assertThat(page.get("items").findValues("remoteManagement"))
                .extracting(rm -> rm.get("available").asBoolean()).containsExactlyInAnyOrder(true, true, false);
    }

    @Test
    void everyIssuedLicenseReachesLicenseEventsWithCloudEventsHeadersAndItsSchema() throws Exception {
        String email = newEmail();
        publishPurchase(purchase("P-" + UUID.randomUUID(), email, item("EXPLORER", "Standard", 1)));
        String licenseId = awaitLicenses(email, 1).get("items").get(0).get("id").asText();

        ConsumerRecord<String, String> record = TopicReader.first(kafka, "license.events", r -> licenseId.equals(r.key()));

        assertThat(TopicReader.header(record, "ce_type")).isEqualTo("org.licensecentral.license.license-issued.v1");
        assertThat(TopicReader.header(record, "ce_subject")).isEqualTo(licenseId);
        assertThat(TopicReader.header(record, "ce_source")).isEqualTo("/license-service");
        assertThat(TopicReader.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(TopicReader.header(record, "ce_id")).isNotBlank();
        assertThat(TopicReader.header(record, "ce_time")).isNotBlank();
        assertThat(schemaErrors("org.licensecentral.license.license-issued.v1", record.value())).isEmpty();
    }

    @Test
    void aPurchaseDeliveredTwiceIssuesItsLicensesOnce() throws Exception {
        String email = newEmail();
        String purchase = purchase("P-" + UUID.randomUUID(), email, item("BACKUP", "Server", 2));
        publishPurchase(purchase);
        publishPurchase(purchase);
        // The topic has one partition here: once a later purchase is listed, both deliveries were processed.
        String marker = newEmail();
        publishPurchase(purchase("P-" + UUID.randomUUID(), marker, item("DRIVE", "Home", 1)));
        awaitLicenses(marker, 1);

        assertThat(licenses(email).get("totalItems").asInt()).isEqualTo(2);
        HttpResponse<String> again = post("/internal/purchases", purchase, TestJwtIssuer.get().internalToken());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(licenses(email).get("totalItems").asInt()).isEqualTo(2);
    }

    @Test
    void aPurchaseWithAnUnknownProductIsDeadLetteredWholeAndTheNextOneIsProcessed() throws Exception {
        String email = newEmail();
        String purchaseId = "P-" + UUID.randomUUID();
        publishPurchase(purchase(purchaseId, email, item("BACKUP", "Home", 1), item("TOASTER", "Deluxe", 1)));
        String next = newEmail();
        publishPurchase(purchase("P-" + UUID.randomUUID(), next, item("DRIVE", "Home", 1)));

        awaitLicenses(next, 1);
        ConsumerRecord<String, String> dead = TopicReader.first(kafka, "error.store.purchases.license-service",
                r -> purchaseId.equals(r.key()));
        assertThat(TopicReader.header(dead, "x-exception-message")).contains("unknown product 'TOASTER'");
        assertThat(licenses(email).get("totalItems").asInt()).isZero();
    }

    @Test
    void internalPurchasesNeedTheInternalClientsScope() throws Exception {
        String purchase = purchase("P-" + UUID.randomUUID(), newEmail(), item("DRIVE", "Home", 1));

        assertThat(post("/internal/purchases", purchase, null).statusCode()).isEqualTo(401);
        assertThat(post("/internal/purchases", purchase,
                TestJwtIssuer.get().accountToken("acc-1", "a@example.org", true)).statusCode()).isEqualTo(403);
        assertThat(post("/internal/purchases", purchase, TestJwtIssuer.get().internalToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownProductPostedInternallyIsAProblemAndIssuesNothing() throws Exception {
        String email = newEmail();
        HttpResponse<String> response = post("/internal/purchases",
                purchase("P-" + UUID.randomUUID(), email, item("TOASTER", "Deluxe", 1)), TestJwtIssuer.get().internalToken());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).get("type").asText()).endsWith("/purchase-rejected");
        assertThat(licenses(email).get("totalItems").asInt()).isZero();
    }

    @Test
    void theListSearchesSortsAndPagesWithinTheCallersLicenses() throws Exception {
        String email = newEmail();
        String purchaseId = "P-" + UUID.randomUUID();
        post("/internal/purchases", purchase(purchaseId, email, item("BACKUP", "Home", 3), item("EXPLORER", "Standard", 2),
                item("DRIVE", "Business", 1)), TestJwtIssuer.get().internalToken());
        awaitLicenses(email, 6);

        assertThat(get("/api/v1/licenses?q=xplor", email).get("totalItems").asInt()).isEqualTo(2);
        assertThat(get("/api/v1/licenses?q=" + purchaseId.substring(2, 12), email).get("totalItems").asInt()).isEqualTo(6);
        assertThat(get("/api/v1/licenses?product=DRIVE", email).get("totalItems").asInt()).isEqualTo(1);
        assertThat(get("/api/v1/licenses?sort=product,asc&size=6", email).findValuesAsText("productName"))
                .containsExactly("Backup", "Backup", "Backup", "Drive", "Explorer", "Explorer");
        assertThat(get("/api/v1/licenses?sort=product,desc&size=6", email).findValuesAsText("productName"))
                .containsExactly("Explorer", "Explorer", "Drive", "Backup", "Backup", "Backup");
        JsonNode secondPage = get("/api/v1/licenses?sort=product,asc&size=4&page=1", email);
        assertThat(secondPage.findValuesAsText("productName")).containsExactly("Explorer", "Explorer");
        assertThat(secondPage.get("totalPages").asInt()).isEqualTo(2);
        // A pattern in the search text is matched literally.
        assertThat(get("/api/v1/licenses?q=.*", email).get("totalItems").asInt()).isZero();
    }

    @Test
    void aLicenseOfAnotherAccountAnswers404LikeAMissingOne() throws Exception {
        String owner = newEmail();
        post("/internal/purchases", purchase("P-" + UUID.randomUUID(), owner, item("DRIVE", "Home", 1)),
                TestJwtIssuer.get().internalToken());
        String licenseId = awaitLicenses(owner, 1).get("items").get(0).get("id").asText();

        HttpResponse<String> own = send(HttpRequest.newBuilder(uri("/api/v1/licenses/" + licenseId)), tokenFor(owner));
        HttpResponse<String> others = send(HttpRequest.newBuilder(uri("/api/v1/licenses/" + licenseId)), tokenFor(newEmail()));
        HttpResponse<String> missing = send(HttpRequest.newBuilder(uri("/api/v1/licenses/" + UUID.randomUUID())), tokenFor(owner));

        assertThat(own.statusCode()).isEqualTo(200);
        JsonNode summary = json.readTree(own.body());
        assertThat(summary.get("purchaseEmail").asText()).contains("***@example.org");
        assertThat(summary.get("history").findValuesAsText("event")).containsExactly("LicenseIssued");
        assertThat(others.statusCode()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(others.body()).isEqualTo(missing.body().replace(missing.uri().getPath(), others.uri().getPath()));
    }

    @Test
    void anUnverifiedEmailSeesNoLicensesBoughtWithIt() throws Exception {
        String email = newEmail();
        post("/internal/purchases", purchase("P-" + UUID.randomUUID(), email, item("DRIVE", "Home", 1)),
                TestJwtIssuer.get().internalToken());
        awaitLicenses(email, 1);
        String unverified = TestJwtIssuer.get().accountToken("acc-" + UUID.randomUUID(), email, false);

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/licenses")), unverified);

        assertThat(json.readTree(response.body()).get("totalItems").asInt()).isZero();
    }

    @Test
    void withoutATokenOrWithAnExpiredOneTheListAnswers401ProblemJson() throws Exception {
        HttpResponse<String> none = send(HttpRequest.newBuilder(uri("/api/v1/licenses")), null);
        HttpResponse<String> expired = send(HttpRequest.newBuilder(uri("/api/v1/licenses")),
                TestJwtIssuer.get().expiredToken("acc-1", "a@example.org"));

        for (HttpResponse<String> response : List.of(none, expired)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        }
    }

    @Test
    void aBadSortIsA400ProblemNamingTheAllowedFields() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/licenses?sort=licenseKey,asc")),
                tokenFor(newEmail()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("purchasedAt");
    }

    private JsonNode awaitLicenses(String email, int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> licenses(email), page -> page.get("totalItems").asInt() == count);
    }

    private JsonNode licenses(String email) throws IOException, InterruptedException {
        return get("/api/v1/licenses?size=100", email);
    }

    private JsonNode get(String path, String email) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)), tokenFor(email));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> post(String path, String body, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), token);
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

    private static String tokenFor(String email) {
        // One account per e-mail in these tests; the account id is derived so repeated calls agree.
        return TestJwtIssuer.get().accountToken("acc-" + UUID.nameUUIDFromBytes(email.getBytes(StandardCharsets.UTF_8)),
                email, true);
    }

    private static String newEmail() {
        return "buyer-" + UUID.randomUUID() + "@example.org";
    }

    private static String item(String product, String edition, int quantity) {
        return "{\"productCode\":\"" + product + "\",\"edition\":\"" + edition + "\",\"quantity\":" + quantity
                + ",\"maintenanceMonths\":12}";
    }

    private static String purchase(String purchaseId, String email, String... items) {
        return "{\"purchaseId\":\"" + purchaseId + "\",\"email\":\"" + email
                + "\",\"purchasedAt\":\"2026-11-01T09:30:00Z\",\"items\":[" + String.join(",", items) + "]}";
    }

    private static void publishPurchase(String body) throws Exception {
        JsonNode purchase = new ObjectMapper().readTree(body);
        ProducerRecord<String, String> record =
                new ProducerRecord<>("store.purchases", purchase.get("purchaseId").asText(), body);
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", "org.licensecentral.store.purchase-completed.v1".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/web-store".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("contentType", "application/json".getBytes(StandardCharsets.UTF_8));
        store.send(record).get();
    }

    private Set<ValidationMessage> schemaErrors(String type, String payload) throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("../docs/events/" + type + ".schema.json")));
        return schema.validate(json.readTree(payload));
    }
}
