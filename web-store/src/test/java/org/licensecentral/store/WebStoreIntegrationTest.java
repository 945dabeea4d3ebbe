package org.licensecentral.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.licensecentral.testsupport.EventSchemas;
import org.licensecentral.testsupport.RealInfrastructure;
import org.licensecentral.testsupport.TestInfrastructure;
import org.licensecentral.testsupport.TopicReader;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The store page on a real Kafka broker: what it shows, and the record a purchase and a renewal put
 * on {@code store.purchases}, checked against the store's published schema (which license-service's
 * purchase record mirrors). license-service's catalog is stood in for by its answer as a file
 * (license-service's own tests pin that answer); the whole way, page to portal, is the browser
 * system test's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class WebStoreIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final ObjectMapper json = new ObjectMapper();
    private static final HttpServer licenseService = catalogServer();

    @LocalServerPort
    int port;

    private final HttpClient browser =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @DynamicPropertySource
    static void catalog(DynamicPropertyRegistry registry) {
        registry.add(
                "licensecentral.store.catalog-url",
                () -> "http://127.0.0.1:" + licenseService.getAddress().getPort() + "/api/v1/catalog");
    }

    @AfterAll
    static void stopCatalog() {
        licenseService.stop(0);
    }

    @Test
    void thePageShowsEveryEditionAtTheCatalogsPriceUnderAStrictPolicy() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Backup", "Professional", "€79.00", "€39.00", "Drive", "Business", "€49.00");
        // A form that comes back with mistakes opens scrolled to itself.
        assertThat(page.body()).contains("action=\"/purchases#buy-title\"", "action=\"/renewals#renew-title\"");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'none'", "form-action 'self'", "frame-ancestors 'none'");
    }

    @Test
    void aPurchaseIsPublishedAsTheStoresRecordAndConfirmedWithItsId() throws Exception {
        String email = "buyer-" + UUID.randomUUID() + "@example.org";

        HttpResponse<String> bought = post(
                "/purchases",
                Map.of("email", email, "offer", "BACKUP:Professional", "quantity", "2", "seats", "3", "years", "2"));

        assertThat(bought.statusCode()).as(bought.body()).isEqualTo(302);
        String confirmation = bought.headers().firstValue("Location").orElseThrow();
        String purchaseId = confirmation.substring(confirmation.lastIndexOf('/') + 1);
        ConsumerRecord<String, String> record = published(purchaseId);
        assertThat(EventSchemas.errors(header(record, "ce_type"), record.value()))
                .isEmpty();
        assertThat(header(record, "ce_type")).isEqualTo("org.licensecentral.store.purchase-completed.v1");
        JsonNode purchase = json.readTree(record.value());
        assertThat(purchase.get("email").asText()).isEqualTo(email);
        JsonNode item = purchase.get("items").get(0);
        assertThat(item.get("productCode").asText()).isEqualTo("BACKUP");
        assertThat(item.get("edition").asText()).isEqualTo("Professional");
        assertThat(item.get("quantity").asInt()).isEqualTo(2);
        assertThat(item.get("seats").asInt()).isEqualTo(3);
        assertThat(item.get("maintenanceMonths").asInt()).isEqualTo(24);
        assertThat(item.has("renewsLicenseKey")).isFalse();

        HttpResponse<String> page = get(URI.create(confirmation).getPath());
        assertThat(page.body())
                .contains(purchaseId, email, "2 × Backup Professional, 3 machines each, 2 years of maintenance")
                // 6 seats at €79.00 with the first year, and a second year at €39.00 each
                .contains("€708.00")
                .contains("href=\"http://localhost:8080/\"");
    }

    @Test
    void aRenewalIsPublishedForTheLicenseKeyItNames() throws Exception {
        HttpResponse<String> renewed = post(
                "/renewals",
                Map.of(
                        "licenseKey",
                        "abcde-fghjk-mnpqr-stuvw-xyz23",
                        "email",
                        "payer@example.org",
                        "offer",
                        "DRIVE:Home",
                        "years",
                        "3"));

        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(302);
        String location = renewed.headers().firstValue("Location").orElseThrow();
        ConsumerRecord<String, String> record = published(location.substring(location.lastIndexOf('/') + 1));
        assertThat(EventSchemas.errors(header(record, "ce_type"), record.value()))
                .isEmpty();
        JsonNode item = json.readTree(record.value()).get("items").get(0);
        assertThat(item.get("renewsLicenseKey").asText()).isEqualTo("ABCDE-FGHJK-MNPQR-STUVW-XYZ23");
        assertThat(item.get("productCode").asText()).isEqualTo("DRIVE");
        assertThat(item.get("quantity").asInt()).isEqualTo(1);
        assertThat(item.get("maintenanceMonths").asInt()).isEqualTo(36);
        assertThat(get(URI.create(location).getPath()).body()).contains("€27.00");
    }

    @Test
    void aFormWithMistakesComesBackSayingWhatIsWrong() throws Exception {
        HttpResponse<String> refused = post(
                "/purchases",
                Map.of(
                        "email",
                        "not-an-address",
                        "offer",
                        "BACKUP:Ultimate",
                        "quantity",
                        "0",
                        "seats",
                        "1",
                        "years",
                        "1"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("The purchase was not made")
                .contains("Enter an e-mail address such as name@example.org.")
                .contains("The store does not sell that; choose a product and edition.")
                .contains("Buy at least 1 license.")
                .contains("value=\"not-an-address\"");
    }

    @Test
    void aFormPostedWithoutTheStoresTokenIsRefused() throws Exception {
        HttpResponse<String> forged = browser.send(
                HttpRequest.newBuilder(uri("/purchases"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "email=a%40example.org&offer=BACKUP%3AHome&quantity=1&seats=1&years=1"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isEqualTo(403);
    }

    private ConsumerRecord<String, String> published(String purchaseId) {
        return TopicReader.first(
                TestInfrastructure.get().kafkaBootstrapServers(),
                "store.purchases",
                record -> purchaseId.equals(record.key()));
    }

    private HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        Matcher csrf = CSRF.matcher(get("/").body());
        assertThat(csrf.find()).as("the page's CSRF field").isTrue();
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf.group(1));
        String body = form.entrySet().stream()
                .map(field ->
                        URLEncoder.encode(field.getKey(), UTF_8) + "=" + URLEncoder.encode(field.getValue(), UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), UTF_8);
    }

    /** license-service's catalog answer, served as it serves it. */
    private static HttpServer catalogServer() {
        try (InputStream in = WebStoreIntegrationTest.class.getResourceAsStream("/license-service-catalog.json")) {
            byte[] catalog = in.readAllBytes();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v1/catalog", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, catalog.length);
                exchange.getResponseBody().write(catalog);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
