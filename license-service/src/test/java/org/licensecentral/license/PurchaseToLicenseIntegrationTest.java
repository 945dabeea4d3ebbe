package org.licensecentral.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.licensecentral.license.LicenseServiceDriver.item;
import static org.licensecentral.license.LicenseServiceDriver.kafka;
import static org.licensecentral.license.LicenseServiceDriver.newEmail;
import static org.licensecentral.license.LicenseServiceDriver.newPurchaseId;
import static org.licensecentral.license.LicenseServiceDriver.purchase;
import static org.licensecentral.license.LicenseServiceDriver.tokenFor;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;
import org.licensecentral.license.api.RecordPurchaseCommand;
import org.licensecentral.testsupport.EventSchemas;
import org.licensecentral.testsupport.TestJwtIssuer;
import org.licensecentral.testsupport.TopicReader;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * From the web store's purchase to the customer's license list and the public event stream,
 * through the real broker and MongoDB-wire server.
 */
class PurchaseToLicenseIntegrationTest extends LicenseServiceIntegrationTest {

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    CommandGateway commandGateway;

    @Test
    void purchaseOnStorePurchasesBecomesOneListedLicensePerUnit() throws Exception {
        String email = newEmail();
        driver.publishPurchase(
                purchase(newPurchaseId(), email, item("BACKUP", "Professional", 2), item("DRIVE", "Home", 1)));

        JsonNode page = driver.awaitLicenses(email, 3);

        assertThat(page.get("items")).allSatisfy(row -> {
            assertThat(row.get("licenseKey").asText()).matches("([2-9A-HJKMNP-Z]{5}-){4}[2-9A-HJKMNP-Z]{5}");
            assertThat(row.get("status").asText()).isEqualTo("NOT_ACTIVATED");
            assertThat(row.get("maintenanceRunning").asBoolean()).isTrue();
        });
        assertThat(page.findValuesAsText("productName")).containsExactlyInAnyOrder("Backup", "Backup", "Drive");
        assertThat(page.get("items").findValues("remoteManagement"))
                .extracting(rm -> rm.get("available").asBoolean())
                .containsExactlyInAnyOrder(true, true, false);
    }

    @Test
    void everyIssuedLicenseReachesLicenseEventsWithCloudEventsHeadersAndItsSchema() throws Exception {
        String email = newEmail();
        driver.publishPurchase(purchase(newPurchaseId(), email, item("EXPLORER", "Standard", 1)));
        String licenseId =
                driver.awaitLicenses(email, 1).get("items").get(0).get("id").asText();

        ConsumerRecord<String, String> record =
                TopicReader.first(kafka(), "license.events", r -> licenseId.equals(r.key()));

        assertThat(TopicReader.header(record, "ce_type")).isEqualTo("org.licensecentral.license.license-issued.v1");
        assertThat(TopicReader.header(record, "ce_subject")).isEqualTo(licenseId);
        assertThat(TopicReader.header(record, "ce_source")).isEqualTo("/license-service");
        assertThat(TopicReader.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(TopicReader.header(record, "ce_id")).isNotBlank();
        assertThat(TopicReader.header(record, "ce_time")).isNotBlank();
        assertThat(EventSchemas.errors("org.licensecentral.license.license-issued.v1", record.value()))
                .isEmpty();
    }

    @Test
    void aPurchaseDeliveredTwiceIssuesItsLicensesOnce() throws Exception {
        String email = newEmail();
        String purchase = purchase(newPurchaseId(), email, item("BACKUP", "Server", 2));
        driver.publishPurchase(purchase);
        driver.publishPurchase(purchase);
        // The topic has one partition here: once a later purchase is listed, both deliveries were processed.
        String marker = newEmail();
        driver.publishPurchase(purchase(newPurchaseId(), marker, item("DRIVE", "Home", 1)));
        driver.awaitLicenses(marker, 1);

        assertThat(driver.licenses(email).get("totalItems").asInt()).isEqualTo(2);
        HttpResponse<String> again =
                driver.post("/internal/purchases", purchase, TestJwtIssuer.get().internalToken());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(driver.licenses(email).get("totalItems").asInt()).isEqualTo(2);
    }

    @Test
    void aPurchaseIdSentAgainWithAnotherEmailAndMoreUnitsIsDeadLetteredAndIssuesNothing() throws Exception {
        String buyer = newEmail();
        String purchaseId = newPurchaseId();
        driver.publishPurchase(purchase(purchaseId, buyer, item("BACKUP", "Server", 1)));
        JsonNode bought = driver.awaitLicenses(buyer, 1);
        String taker = newEmail();

        driver.publishPurchase(purchase(purchaseId, taker, item("BACKUP", "Server", 3)));

        ConsumerRecord<String, String> dead =
                TopicReader.first(kafka(), "error.store.purchases.license-service", r -> purchaseId.equals(r.key()));
        assertThat(TopicReader.header(dead, "x-exception-message"))
                .contains("purchase " + purchaseId + " was already recorded with other content");
        String marker = newEmail();
        driver.publishPurchase(purchase(newPurchaseId(), marker, item("DRIVE", "Home", 1)));
        driver.awaitLicenses(marker, 1);
        assertThat(driver.licenses(taker).get("totalItems").asInt()).isZero();
        assertThat(driver.licenses(buyer)).isEqualTo(bought);
    }

    @Test
    void aPurchaseIdPostedAgainWithOtherContentIsA409ProblemAndIssuesNothing() throws Exception {
        String buyer = newEmail();
        String purchaseId = newPurchaseId();
        JsonNode bought = driver.buyPurchase(buyer, purchase(purchaseId, buyer, item("EXPLORER", "Standard", 1)));
        String taker = newEmail();

        HttpResponse<String> response = driver.post(
                "/internal/purchases",
                purchase(purchaseId, taker, item("EXPLORER", "Standard", 2)),
                TestJwtIssuer.get().internalToken());

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asText()).endsWith("/purchase-conflict");
        assertThat(problem.get("detail").asText())
                .isEqualTo("purchase " + purchaseId + " was already recorded with other content");
        assertThat(driver.licenses(taker).get("totalItems").asInt()).isZero();
        assertThat(driver.licenses(buyer)).isEqualTo(bought);
    }

    @Test
    void ofParallelPostsOfOnePurchaseIdWithOtherEmailsOnlyOneIsRecorded() throws Exception {
        String purchaseId = newPurchaseId();
        List<String> buyers = IntStream.range(0, 4).mapToObj(i -> newEmail()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(buyers.size());
        List<Integer> statuses;
        try {
            List<Future<HttpResponse<String>>> posts = buyers.stream()
                    .map(buyer -> pool.submit(() -> driver.post(
                            "/internal/purchases",
                            purchase(purchaseId, buyer, item("DRIVE", "Business", 2)),
                            TestJwtIssuer.get().internalToken())))
                    .toList();
            statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> post : posts) {
                statuses.add(post.get().statusCode());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(statuses).containsOnly(200, 409).containsOnlyOnce(200);
        String winner = buyers.get(statuses.indexOf(200));
        driver.awaitLicenses(winner, 2);
        for (String buyer : buyers) {
            assertThat(driver.licenses(buyer).get("totalItems").asInt()).isEqualTo(buyer.equals(winner) ? 2 : 0);
        }
    }

    @Test
    void aSecondCreationOfOnePurchaseRecordFailsAsTheStreamCreationThatProcessingCatches() {
        // What the loser of two concurrent deliveries meets; PostgreSQL reports it by SQLState only.
        RecordPurchaseCommand record =
                new RecordPurchaseCommand(UUID.randomUUID().toString(), newPurchaseId(), "hash");
        commandGateway.sendAndWait(record);

        assertThatThrownBy(() -> commandGateway.sendAndWait(record))
                .isInstanceOf(AggregateStreamCreationException.class);
    }

    @Test
    void aPurchaseIdWithALineBreakIsRefusedOverHttpAndDeadLetteredFromTheTopic() throws Exception {
        String email = newEmail();
        String purchaseId = newPurchaseId() + "\nSubject: free licenses";
        String body = purchase(purchaseId.replace("\n", "\\n"), email, item("DRIVE", "Home", 1));

        HttpResponse<String> posted =
                driver.post("/internal/purchases", body, TestJwtIssuer.get().internalToken());
        driver.publishPurchase(body);

        assertThat(posted.statusCode()).isEqualTo(400);
        assertThat(posted.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(posted.body()).contains("purchaseId").contains("control characters");
        ConsumerRecord<String, String> dead =
                TopicReader.first(kafka(), "error.store.purchases.license-service", r -> purchaseId.equals(r.key()));
        assertThat(TopicReader.header(dead, "x-exception-message"))
                .contains("purchaseId must not contain control characters");
        assertThat(driver.licenses(email).get("totalItems").asInt()).isZero();
    }

    @Test
    void aPurchaseWithAnUnknownProductIsDeadLetteredWholeAndTheNextOneIsProcessed() throws Exception {
        String email = newEmail();
        String purchaseId = newPurchaseId();
        driver.publishPurchase(purchase(purchaseId, email, item("BACKUP", "Home", 1), item("TOASTER", "Deluxe", 1)));
        String next = newEmail();
        driver.publishPurchase(purchase(newPurchaseId(), next, item("DRIVE", "Home", 1)));

        driver.awaitLicenses(next, 1);
        ConsumerRecord<String, String> dead =
                TopicReader.first(kafka(), "error.store.purchases.license-service", r -> purchaseId.equals(r.key()));
        assertThat(TopicReader.header(dead, "x-exception-message")).contains("unknown product 'TOASTER'");
        assertThat(driver.licenses(email).get("totalItems").asInt()).isZero();
    }

    @Test
    void internalPurchasesNeedTheInternalClientsScope() throws Exception {
        String purchase = purchase(newPurchaseId(), newEmail(), item("DRIVE", "Home", 1));

        assertThat(driver.post("/internal/purchases", purchase, null).statusCode())
                .isEqualTo(401);
        assertThat(driver.post("/internal/purchases", purchase, tokenFor("a@example.org"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(driver.post(
                                "/internal/purchases",
                                purchase,
                                TestJwtIssuer.get().internalToken())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void anUnknownProductPostedInternallyIsAProblemAndIssuesNothing() throws Exception {
        String email = newEmail();
        HttpResponse<String> response = driver.post(
                "/internal/purchases",
                purchase(newPurchaseId(), email, item("TOASTER", "Deluxe", 1)),
                TestJwtIssuer.get().internalToken());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).get("type").asText()).endsWith("/purchase-rejected");
        assertThat(driver.licenses(email).get("totalItems").asInt()).isZero();
    }

    @Test
    void aMalformedPurchaseIsA400ProblemNamingTheField() throws Exception {
        HttpResponse<String> response = driver.post(
                "/internal/purchases",
                "{\"purchaseId\":\"P-1\",\"email\":\"not-an-address\",\"purchasedAt\":\"2026-11-01T09:30:00Z\",\"items\":[]}",
                TestJwtIssuer.get().internalToken());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).get("errors").findValuesAsText("field"))
                .contains("email", "items");
    }

    @Test
    void theListSearchesSortsAndPagesWithinTheCallersLicenses() throws Exception {
        String email = newEmail();
        String purchaseId = newPurchaseId();
        driver.post(
                "/internal/purchases",
                purchase(
                        purchaseId,
                        email,
                        item("BACKUP", "Home", 3),
                        item("EXPLORER", "Standard", 2),
                        item("DRIVE", "Business", 1)),
                TestJwtIssuer.get().internalToken());
        driver.awaitLicenses(email, 6);
        driver.buy(newEmail(), item("EXPLORER", "Standard", 1)); // someone else's: never in this list

        assertThat(driver.getJson("/api/v1/licenses?q=xplor", email)
                        .get("totalItems")
                        .asInt())
                .isEqualTo(2);
        assertThat(driver.getJson("/api/v1/licenses?q=" + purchaseId.substring(2, 12), email)
                        .get("totalItems")
                        .asInt())
                .isEqualTo(6);
        assertThat(driver.getJson("/api/v1/licenses?product=DRIVE", email)
                        .get("totalItems")
                        .asInt())
                .isEqualTo(1);
        assertThat(driver.getJson("/api/v1/licenses?sort=product,asc&size=6", email)
                        .findValuesAsText("productName"))
                .containsExactly("Backup", "Backup", "Backup", "Drive", "Explorer", "Explorer");
        assertThat(driver.getJson("/api/v1/licenses?sort=product,desc&size=6", email)
                        .findValuesAsText("productName"))
                .containsExactly("Explorer", "Explorer", "Drive", "Backup", "Backup", "Backup");
        JsonNode secondPage = driver.getJson("/api/v1/licenses?sort=product,asc&size=4&page=1", email);
        assertThat(secondPage.findValuesAsText("productName")).containsExactly("Explorer", "Explorer");
        assertThat(secondPage.get("totalPages").asInt()).isEqualTo(2);
        // A pattern in the search text is matched literally.
        assertThat(driver.getJson("/api/v1/licenses?q=.*", email)
                        .get("totalItems")
                        .asInt())
                .isZero();
    }

    @Test
    void theSearchMatchesTheEditionAndTheProductWithItsEditionAndTheListSortsByEditionAndKey() throws Exception {
        String email = newEmail();
        driver.post(
                "/internal/purchases",
                purchase(
                        newPurchaseId(),
                        email,
                        item("BACKUP", "Home", 3),
                        item("EXPLORER", "Standard", 2),
                        item("DRIVE", "Business", 1)),
                TestJwtIssuer.get().internalToken());
        driver.awaitLicenses(email, 6);

        assertThat(driver.getJson("/api/v1/licenses?q=busines", email)
                        .get("totalItems")
                        .asInt())
                .isEqualTo(1);
        assertThat(driver.getJson("/api/v1/licenses?q=Backup%20Home", email)
                        .get("totalItems")
                        .asInt())
                .isEqualTo(3);
        // Across the space between the two, however many spaces were typed.
        assertThat(driver.getJson("/api/v1/licenses?q=plorer%20%20stan", email)
                        .get("totalItems")
                        .asInt())
                .isEqualTo(2);
        assertThat(driver.getJson("/api/v1/licenses?q=Backup%20Standard", email)
                        .get("totalItems")
                        .asInt())
                .isZero();
        assertThat(driver.getJson("/api/v1/licenses?sort=edition,asc&size=6", email)
                        .findValuesAsText("edition"))
                .containsExactly("Business", "Home", "Home", "Home", "Standard", "Standard");
        List<String> keys = driver.getJson("/api/v1/licenses?sort=licenseKey,desc&size=6", email)
                .findValuesAsText("licenseKey");
        assertThat(keys).hasSize(6).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void aLicenseOfAnotherAccountAnswers404LikeAMissingOne() throws Exception {
        String owner = newEmail();
        String licenseId = driver.buy(owner, item("DRIVE", "Home", 1))
                .get("items")
                .get(0)
                .get("id")
                .asText();

        HttpResponse<String> own = driver.get("/api/v1/licenses/" + licenseId, tokenFor(owner));
        HttpResponse<String> others = driver.get("/api/v1/licenses/" + licenseId, tokenFor(newEmail()));
        HttpResponse<String> missing = driver.get("/api/v1/licenses/" + UUID.randomUUID(), tokenFor(owner));

        assertThat(own.statusCode()).isEqualTo(200);
        JsonNode summary = json.readTree(own.body());
        assertThat(summary.get("purchaseEmail").asText()).contains("***@example.org");
        assertThat(summary.get("history").findValuesAsText("event")).containsExactly("LicenseIssued");
        assertThat(others.statusCode()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(others.body())
                .isEqualTo(missing.body()
                        .replace(missing.uri().getPath(), others.uri().getPath()));
    }

    @Test
    void anUnverifiedEmailSeesNoLicensesBoughtWithIt() throws Exception {
        String email = newEmail();
        driver.buy(email, item("DRIVE", "Home", 1));
        String unverified = TestJwtIssuer.get().accountToken("acc-" + UUID.randomUUID(), email, false);

        HttpResponse<String> response = driver.get("/api/v1/licenses", unverified);

        assertThat(json.readTree(response.body()).get("totalItems").asInt()).isZero();
    }

    @Test
    void withoutATokenOrWithAnExpiredOneTheListAnswers401ProblemJson() throws Exception {
        HttpResponse<String> none = driver.get("/api/v1/licenses", null);
        HttpResponse<String> expired =
                driver.get("/api/v1/licenses", TestJwtIssuer.get().expiredToken("acc-1", "a@example.org"));

        for (HttpResponse<String> response : List.of(none, expired)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        }
    }

    @Test
    void aBadSortIsA400ProblemNamingTheAllowedFields() throws Exception {
        HttpResponse<String> response = driver.get("/api/v1/licenses?sort=purchaseEmail,asc", tokenFor(newEmail()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("sort").contains("purchasedAt").contains("licenseKey");
    }
}
