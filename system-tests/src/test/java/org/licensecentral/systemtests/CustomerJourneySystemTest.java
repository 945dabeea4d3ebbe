package org.licensecentral.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.licensecentral.systemtests.PortalClient.expect;
import static org.licensecentral.systemtests.PortalClient.json;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.licensecentral.testsupport.TopicReader;

/**
 * A customer's whole journey, through the gateway only, with what the rest of the company sees of
 * it: an internal consumer reading {@code license.events} from the broker.
 */
class CustomerJourneySystemTest {

    private static final String ATTACH_CODE_SUBJECT = "Confirm adding your licenses";

    @BeforeAll
    static void stack() {
        SystemStack.get();
    }

    @Test
    void fromRegistrationToDeactivationEveryStepIsRecordedOnceAndInOrder() {
        // Register and verify an e-mail; purchases arrive for it and for another address.
        String email = Customers.newEmail("journey");
        String otherEmail = Customers.newEmail("purchasing-dept");
        PortalClient portal = Customers.loggedIn(email);
        String ownPurchase = Customers.purchase(email);
        String otherPurchase = Customers.purchase(otherEmail);

        // The list shows the account's own purchase only.
        JsonNode own = Customers.awaitLicense(portal, ownPurchase);
        assertThat(json(portal.get("/api/v1/licenses?q=" + otherPurchase))
                        .path("totalItems")
                        .asInt())
                .isZero();

        // Attach the other purchase with the code sent to the purchase e-mail.
        Inbox purchaseMailbox = new Inbox(otherEmail);
        int codesBefore = purchaseMailbox.count(ATTACH_CODE_SUBJECT);
        JsonNode started =
                json(expect(portal.post("/api/v1/license-attachments", Map.of("purchaseId", otherPurchase)), 202));
        String code = purchaseMailbox.awaitCode(ATTACH_CODE_SUBJECT, codesBefore);
        expect(
                portal.post(
                        "/api/v1/license-attachments/"
                                + started.path("requestId").asText() + "/confirm",
                        Map.of("code", code)),
                200);
        JsonNode attached = Customers.awaitLicense(portal, otherPurchase);
        String licenseId = attached.path("id").asText();

        // Allow Remote Management.
        JsonNode remoteManagement = json(expect(
                portal.put("/api/v1/licenses/" + licenseId + "/remote-management", Map.of("allowed", true)), 200));
        assertThat(remoteManagement.path("allowed").asBoolean()).isTrue();

        // The installed product activates online, and the portal shows the license activated.
        String fingerprint = "fp-" + UUID.randomUUID();
        Map<String, String> machine =
                Map.of("email", email, "licenseKey", attached.path("licenseKey").asText(), "fingerprint", fingerprint);
        JsonNode activation = json(expect(
                new PortalClient()
                        .post(
                                "/api/v1/software/activations",
                                Map.of(
                                        "email",
                                        email,
                                        "licenseKey",
                                        attached.path("licenseKey").asText(),
                                        "fingerprint",
                                        fingerprint,
                                        "hostname",
                                        "journey-server",
                                        "productVersion",
                                        "5.3.0")),
                200));
        awaitStatus(portal, otherPurchase, "ACTIVATED");

        // activation-service learns the switch from license.events, so an activation right after it
        // may still answer false (CI saw that once); the product's next check tells it.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> json(expect(new PortalClient().post("/api/v1/software/validate", machine), 200))
                        .path("remoteManagement")
                        .asBoolean());

        // An offline activation of the other license.
        JsonNode offline = json(expect(
                portal.post(
                        "/api/v1/activations/offline",
                        Map.of(
                                "serviceKey",
                                ServiceKeys.v1(email, own.path("licenseKey").asText(), "air-gapped", "5.3.0"))),
                200));
        assertThat(offline.path("activationKey").asText()).isNotBlank();

        // Deactivate the online activation from the portal.
        expect(
                portal.delete(
                        "/api/v1/activations/" + activation.path("activationId").asText()),
                204);
        awaitStatus(portal, otherPurchase, "NOT_ACTIVATED");

        // The license's history shows every step, in order.
        List<String> history = new ArrayList<>();
        json(expect(portal.get("/api/v1/licenses/" + licenseId), 200))
                .path("history")
                .forEach(entry -> history.add(entry.path("event").asText()));
        assertThat(history)
                .containsExactly(
                        "LicenseIssued",
                        "LicenseAttached",
                        "RemoteManagementToggled",
                        "LicenseActivationStatusChanged",
                        "LicenseActivationStatusChanged");

        // An internal consumer of license.events saw each of those facts once, in the same order.
        List<ConsumerRecord<String, String>> facts = await().atMost(Duration.ofSeconds(30))
                .until(() -> factsAbout(licenseId), records -> records.size() >= history.size());
        assertThat(facts)
                .extracting(record -> TopicReader.header(record, "ce_type"))
                .containsExactly(
                        "org.licensecentral.license.license-issued.v1",
                        "org.licensecentral.license.license-attached.v1",
                        "org.licensecentral.license.remote-management-toggled.v1",
                        "org.licensecentral.license.activation-status-changed.v1",
                        "org.licensecentral.license.activation-status-changed.v1");
        assertThat(facts)
                .extracting(record -> TopicReader.header(record, "ce_id"))
                .doesNotHaveDuplicates();
        assertThat(facts).allSatisfy(record -> {
            assertThat(TopicReader.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicReader.header(record, "ce_source")).isNotBlank();
            assertThat(TopicReader.header(record, "ce_time")).isNotBlank();
            assertThat(TopicReader.header(record, "ce_subject")).isEqualTo(licenseId);
        });
    }

    private static List<ConsumerRecord<String, String>> factsAbout(String licenseId) {
        return TopicReader.readAll(SystemStack.get().kafkaBootstrapServers(), "license.events").stream()
                .filter(record -> licenseId.equals(record.key()))
                .toList();
    }

    private static void awaitStatus(PortalClient portal, String purchaseId, String status) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> json(portal.get("/api/v1/licenses?q=" + purchaseId))
                                .path("items")
                                .get(0)
                                .path("status")
                                .asText(),
                        status::equals);
    }
}
