package org.licensecentral.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.licensecentral.license.LicenseServiceDriver.item;
import static org.licensecentral.license.LicenseServiceDriver.kafka;
import static org.licensecentral.license.LicenseServiceDriver.newEmail;
import static org.licensecentral.license.LicenseServiceDriver.tokenFor;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.licensecentral.license.command.Purchase;
import org.licensecentral.testsupport.EventSchemas;
import org.licensecentral.testsupport.TopicReader;

/** What happens to a license after it was issued: Remote Management, and activations reported by activation-service. */
class LicenseLifecycleIntegrationTest extends LicenseServiceIntegrationTest {

    private static final String ACTIVATED = "org.licensecentral.activation.machine-activated.v1";
    private static final String DEACTIVATED = "org.licensecentral.activation.machine-deactivated.v1";
    private static final String CHECKED_IN = "org.licensecentral.activation.machine-checked-in.v1";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theOwnerAllowsRemoteManagementOnABackupLicenseAndTheFactIsPublished() throws Exception {
        String email = newEmail();
        String licenseId = driver.buy(email, item("BACKUP", "Professional", 1))
                .get("items")
                .get(0)
                .get("id")
                .asText();

        HttpResponse<String> response = driver.put(
                "/api/v1/licenses/" + licenseId + "/remote-management", "{\"allowed\":true}", tokenFor(email));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> driver.licenses(email)
                        .get("items")
                        .get(0)
                        .get("remoteManagement")
                        .get("allowed")
                        .asBoolean());
        ConsumerRecord<String, String> record = TopicReader.first(
                kafka(),
                "license.events",
                r -> licenseId.equals(r.key())
                        && TopicReader.header(r, "ce_type").contains("remote-management-toggled"));
        assertThat(json.readTree(record.value()).get("allowed").asBoolean()).isTrue();
        JsonNode toggled = driver.getJson("/api/v1/licenses/" + licenseId, email)
                .get("history")
                .get(1);
        assertThat(toggled.get("event").asText()).isEqualTo("RemoteManagementToggled");
        assertThat(toggled.get("details").get("remoteManagementAllowed").asBoolean())
                .isTrue();
        assertThat(EventSchemas.errors("org.licensecentral.license.remote-management-toggled.v1", record.value()))
                .isEmpty();
    }

    @Test
    void remoteManagementOfAProductWithoutItIsA422Problem() throws Exception {
        String email = newEmail();
        String licenseId = driver.buy(email, item("DRIVE", "Home", 1))
                .get("items")
                .get(0)
                .get("id")
                .asText();

        HttpResponse<String> response = driver.put(
                "/api/v1/licenses/" + licenseId + "/remote-management", "{\"allowed\":true}", tokenFor(email));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json.readTree(response.body()).get("type").asText()).endsWith("/remote-management-not-supported");
    }

    @Test
    void remoteManagementOfAnotherAccountsLicenseAnswers404AndChangesNothing() throws Exception {
        String owner = newEmail();
        String licenseId = driver.buy(owner, item("BACKUP", "Home", 1))
                .get("items")
                .get(0)
                .get("id")
                .asText();

        HttpResponse<String> response = driver.put(
                "/api/v1/licenses/" + licenseId + "/remote-management", "{\"allowed\":true}", tokenFor(newEmail()));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(driver.getJson("/api/v1/licenses/" + licenseId, owner)
                        .get("history")
                        .findValuesAsText("event"))
                .containsExactly("LicenseIssued");
    }

    @Test
    void remoteManagementOfAnIdNobodyIssuedAnswers404() throws Exception {
        HttpResponse<String> response = driver.put(
                "/api/v1/licenses/" + UUID.randomUUID() + "/remote-management",
                "{\"allowed\":true}",
                tokenFor(newEmail()));

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void remoteManagementOfAnotherAggregatesIdAnswers404EvenToItsBuyer() throws Exception {
        String email = newEmail();
        String purchaseId = driver.buy(email, item("BACKUP", "Home", 1))
                .get("items")
                .get(0)
                .get("purchaseId")
                .asText();

        // The purchase's record is in the same event store under an id of the same form as a license's.
        HttpResponse<String> response = driver.put(
                "/api/v1/licenses/" + Purchase.recordId(purchaseId) + "/remote-management",
                "{\"allowed\":true}",
                tokenFor(email));

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void anActivationReportedOnActivationEventsMakesTheLicenseActivatedAndADeactivationUndoesIt() throws Exception {
        String email = newEmail();
        String licenseId = driver.buy(email, item("BACKUP", "Server", 1))
                .get("items")
                .get(0)
                .get("id")
                .asText();

        String activated = activationEvent(licenseId, 1, UUID.randomUUID().toString());
        assertThat(EventSchemas.errors(ACTIVATED, activated)).isEmpty();
        driver.publishActivationEvent(ACTIVATED, licenseId, activated);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(email), "ACTIVATED"::equals);
        JsonNode machines =
                driver.getJson("/api/v1/licenses/" + licenseId, email).get("activations");
        assertThat(machines.findValuesAsText("hostname")).containsExactly("office-pc");
        assertThat(machines.findValuesAsText("productVersion")).containsExactly("5.3.1");

        String deactivated = activated
                .replace("\"activeActivations\":1", "\"activeActivations\":0")
                .replace("}", ",\"reason\":\"LEASE_EXPIRED\"}");
        assertThat(EventSchemas.errors(DEACTIVATED, deactivated)).isEmpty();
        driver.publishActivationEvent(DEACTIVATED, licenseId, deactivated);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(email), "NOT_ACTIVATED"::equals);
        JsonNode summary = driver.getJson("/api/v1/licenses/" + licenseId, email);
        assertThat(summary.get("history").findValuesAsText("event"))
                .containsExactly("LicenseIssued", "LicenseActivationStatusChanged", "LicenseActivationStatusChanged");
        // The history names the machine, and why its seat was freed.
        JsonNode on = summary.get("history").get(1).get("details");
        JsonNode off = summary.get("history").get(2).get("details");
        assertThat(on.get("machine").asText()).isEqualTo("office-pc");
        assertThat(on.get("machineActivated").asBoolean()).isTrue();
        assertThat(on.has("reason")).isFalse();
        assertThat(off.get("machine").asText()).isEqualTo("office-pc");
        assertThat(off.get("machineActivated").asBoolean()).isFalse();
        assertThat(off.get("reason").asText()).isEqualTo("LEASE_EXPIRED");
        assertThat(off.get("activeActivations").asInt()).isZero();
        assertThat(summary.get("activations")).isEmpty();
    }

    @Test
    void aCheckInKeepsTheLicenseActivatedAndShowsTheMachinesNewVersion() throws Exception {
        String email = newEmail();
        String licenseId = driver.buy(email, item("BACKUP", "Home", 1))
                .get("items")
                .get(0)
                .get("id")
                .asText();
        String activationId = UUID.randomUUID().toString();
        driver.publishActivationEvent(ACTIVATED, licenseId, activationEvent(licenseId, 1, activationId));
        await().atMost(Duration.ofSeconds(30)).until(() -> status(email), "ACTIVATED"::equals);

        String checkedIn = "{\"activationId\":\"" + activationId + "\",\"licenseId\":\"" + licenseId
                + "\",\"fingerprint\":\"fp-1\",\"productVersion\":\"5.3.2\",\"mode\":\"ONLINE\""
                + ",\"at\":\"2026-11-21T10:00:00Z\",\"activeActivations\":1,\"leaseEnds\":\"2026-11-28T10:00:00Z\"}";
        assertThat(EventSchemas.errors(CHECKED_IN, checkedIn)).isEmpty();
        driver.publishActivationEvent(CHECKED_IN, licenseId, checkedIn);

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> driver.getJson("/api/v1/licenses/" + licenseId, email)
                                .get("activations")
                                .findValuesAsText("productVersion"),
                        versions -> versions.contains("5.3.2"));
        assertThat(status(email)).isEqualTo("ACTIVATED");
        assertThat(driver.getJson("/api/v1/licenses/" + licenseId, email)
                        .get("history")
                        .findValuesAsText("event"))
                .containsExactly("LicenseIssued", "LicenseActivationStatusChanged");
    }

    @Test
    void aRedeliveredActivationEventChangesNothing() throws Exception {
        String email = newEmail();
        String licenseId = driver.buy(email, item("EXPLORER", "Standard", 1))
                .get("items")
                .get(0)
                .get("id")
                .asText();
        String activated = activationEvent(licenseId, 1);

        driver.publishActivationEvent(ACTIVATED, licenseId, activated);
        driver.publishActivationEvent(ACTIVATED, licenseId, activated);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(email), "ACTIVATED"::equals);
        // Same key, same partition: once a later event for this license is applied, the duplicate was handled.
        driver.publishActivationEvent(ACTIVATED, licenseId, activationEvent(licenseId, 2));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> driver.licenses(email)
                                .get("items")
                                .get(0)
                                .get("activeActivations")
                                .asInt()
                        == 2);

        assertThat(driver.getJson("/api/v1/licenses/" + licenseId, email)
                        .get("history")
                        .findValuesAsText("event"))
                .containsExactly("LicenseIssued", "LicenseActivationStatusChanged", "LicenseActivationStatusChanged");
    }

    @Test
    void anActivationEventForAnUnknownLicenseIsDeadLettered() throws Exception {
        String unknown = UUID.randomUUID().toString();

        driver.publishActivationEvent(ACTIVATED, unknown, activationEvent(unknown, 1));

        ConsumerRecord<String, String> dead =
                TopicReader.first(kafka(), "error.activation.events.license-service", r -> unknown.equals(r.key()));
        assertThat(TopicReader.header(dead, "x-exception-message")).contains("unknown license");
    }

    private String status(String email) throws Exception {
        JsonNode row = driver.licenses(email).get("items").get(0);
        return row.get("status").asText();
    }

    @Test
    void anEventOfAnotherTypeOnActivationEventsIsDeadLettered() throws Exception {
        String email = newEmail();
        String licenseId = driver.buy(email, item("DRIVE", "Home", 1))
                .get("items")
                .get(0)
                .get("id")
                .asText();

        driver.publishActivationEvent(
                "org.licensecentral.activation.something-else.v1", licenseId, activationEvent(licenseId, 1));

        ConsumerRecord<String, String> dead =
                TopicReader.first(kafka(), "error.activation.events.license-service", r -> licenseId.equals(r.key()));
        assertThat(TopicReader.header(dead, "x-exception-message")).contains("unexpected ce_type");
    }

    private static String activationEvent(String licenseId, int activeActivations) {
        return activationEvent(licenseId, activeActivations, "act-" + licenseId);
    }

    private static String activationEvent(String licenseId, int activeActivations, String activationId) {
        return "{\"activationId\":\"" + activationId + "\",\"licenseId\":\"" + licenseId
                + "\",\"fingerprint\":\"fp-1\",\"hostname\":\"office-pc\",\"productVersion\":\"5.3.1\",\"mode\":\"ONLINE\""
                + ",\"at\":\"2026-11-20T10:00:00Z\",\"activeActivations\":" + activeActivations + "}";
    }
}
