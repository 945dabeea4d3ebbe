package org.licensecentral.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.licensecentral.license.LicenseServiceDriver.item;
import static org.licensecentral.license.LicenseServiceDriver.kafka;
import static org.licensecentral.license.LicenseServiceDriver.newEmail;
import static org.licensecentral.license.LicenseServiceDriver.schemaErrors;
import static org.licensecentral.license.LicenseServiceDriver.tokenFor;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.licensecentral.testsupport.TopicReader;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** The two-step attach, with the code taken from the notification.requests message as notification-service gets it. */
@ExtendWith(OutputCaptureExtension.class)
class AttachIntegrationTest extends LicenseServiceIntegrationTest {

    private static final String MAIL = "org.licensecentral.notification.mail-requested.v1";

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLicenseBoughtUnderAnotherEmailIsAttachedWithTheMailedCode(CapturedOutput output) throws Exception {
        String buyer = newEmail();
        JsonNode bought = driver.buy(buyer, item("BACKUP", "Professional", 2));
        String purchaseId = bought.get("items").get(0).get("purchaseId").asText();
        String me = newEmail();

        JsonNode started = startAttach(me, "{\"purchaseId\":\"" + purchaseId + "\"}");
        assertThat(started.get("sentTo").asText()).isEqualTo(buyer.substring(0, 2) + "***@example.org");
        String code = mailedCode(started.get("requestId").asText(), buyer);

        HttpResponse<String> confirmed = confirm(me, started.get("requestId").asText(), code.toLowerCase());

        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        driver.awaitLicenses(me, 2);
        driver.awaitLicenses(buyer, 0);
        String licenseId = bought.get("items").get(0).get("id").asText();
        ConsumerRecord<String, String> attached = TopicReader.first(kafka(), "license.events",
                r -> licenseId.equals(r.key()) && TopicReader.header(r, "ce_type").contains("license-attached"));
        assertThat(schemaErrors("org.licensecentral.license.license-attached.v1", attached.value())).isEmpty();
        ConsumerRecord<String, String> away = TopicReader.first(kafka(), "notification.requests",
                r -> r.value().contains("license-attached-away") && r.value().contains(buyer) && r.value().contains(licenseId));
        assertThat(schemaErrors(MAIL, away.value())).isEmpty();
        TopicReader.first(kafka(), "notification.requests",
                r -> r.value().contains("\"license-attached\"") && r.value().contains(me) && r.value().contains(licenseId));
        assertThat(driver.getJson("/api/v1/licenses/" + licenseId, me).get("history").findValuesAsText("event"))
                .containsExactly("LicenseIssued", "LicenseAttached");
        // The plain code is in the mail request only: not in the event store, license.events or any log line.
        assertThat(jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domainevententry"
                + " UNION ALL SELECT convert_from(payload, 'UTF8') FROM snapshotevententry", String.class))
                .isNotEmpty().noneMatch(payload -> payload.contains(code));
        assertThat(TopicReader.readAll(kafka(), "license.events")).noneMatch(r -> r.value().contains(code));
        assertThat(output.getAll()).doesNotContain(code);
    }

    @Test
    void aKeyOrPurchaseIdThatMatchesNothingGetsAnAnswerOfTheSameShape() throws Exception {
        String me = newEmail();
        JsonNode real = startAttach(me, "{\"licenseKey\":\"" + driver.buy(newEmail(), item("DRIVE", "Home", 1))
                .get("items").get(0).get("licenseKey").asText() + "\"}");
        JsonNode none = startAttach(me, "{\"licenseKey\":\"ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ\"}");
        JsonNode noneAgain = startAttach(me, "{\"licenseKey\":\"ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ\"}");

        for (JsonNode answer : new JsonNode[] {real, none}) {
            assertThat(answer.fieldNames()).toIterable().containsExactlyInAnyOrder("requestId", "sentTo", "expiresAt");
            assertThat(answer.get("sentTo").asText()).matches("[a-z0-9-]{1,2}\\*\\*\\*@[a-z.-]+\\.[a-z]+");
        }
        assertThat(noneAgain.get("sentTo")).isEqualTo(none.get("sentTo"));
        assertThat(confirm(me, none.get("requestId").asText(), "22222222").statusCode()).isEqualTo(422);
    }

    @Test
    void fiveWrongCodesLockTheRequestAndTheRightOneIsThenRefused() throws Exception {
        String buyer = newEmail();
        String key = driver.buy(buyer, item("EXPLORER", "Professional", 1)).get("items").get(0).get("licenseKey").asText();
        String me = newEmail();
        String requestId = startAttach(me, "{\"licenseKey\":\"" + key + "\"}").get("requestId").asText();
        String code = mailedCode(requestId, buyer);

        for (int attempt = 1; attempt <= 5; attempt++) {
            HttpResponse<String> wrong = confirm(me, requestId, "WRONG" + attempt + "AB");
            assertThat(wrong.statusCode()).isEqualTo(422);
            assertThat(json.readTree(wrong.body()).get("attemptsLeft").asInt()).isEqualTo(5 - attempt);
        }
        HttpResponse<String> locked = confirm(me, requestId, code);

        assertThat(locked.statusCode()).isEqualTo(409);
        assertThat(json.readTree(locked.body()).get("type").asText()).endsWith("/attach-request-locked");
        assertThat(driver.licenses(me).get("totalItems").asInt()).isZero();
    }

    @Test
    void aConfirmedRequestAnswersUsedTheSecondTime() throws Exception {
        String buyer = newEmail();
        String key = driver.buy(buyer, item("DRIVE", "Business", 1)).get("items").get(0).get("licenseKey").asText();
        String me = newEmail();
        String requestId = startAttach(me, "{\"licenseKey\":\"" + key + "\"}").get("requestId").asText();
        String code = mailedCode(requestId, buyer);
        assertThat(confirm(me, requestId, code).statusCode()).isEqualTo(200);

        HttpResponse<String> again = confirm(me, requestId, code);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json.readTree(again.body()).get("type").asText()).endsWith("/attach-request-used");
    }

    @Test
    void anotherAccountCannotConfirmMyRequest() throws Exception {
        String buyer = newEmail();
        String key = driver.buy(buyer, item("DRIVE", "Business", 1)).get("items").get(0).get("licenseKey").asText();
        String requestId = startAttach(newEmail(), "{\"licenseKey\":\"" + key + "\"}").get("requestId").asText();

        HttpResponse<String> response = confirm(newEmail(), requestId, mailedCode(requestId, buyer));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(confirm(newEmail(), UUID.randomUUID().toString(), "22222222").body())
                .contains("attach-request-not-found");
    }

    @Test
    void theSixthAttachRequestWithinAnHourIsRefusedWithRetryAfter() throws Exception {
        String me = newEmail();
        for (int i = 0; i < 5; i++) {
            startAttach(me, "{\"purchaseId\":\"P-nothing-" + i + "\"}");
        }

        HttpResponse<String> sixth = driver.post("/api/v1/license-attachments", "{\"purchaseId\":\"P-nothing-6\"}", tokenFor(me));

        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(
                seconds -> assertThat(seconds).isBetween(3000L, 3600L));
        assertThat(json.readTree(sixth.body()).get("type").asText()).endsWith("/attach-request-too-many-requests");
    }

    @Test
    void anAttachRequestNeedsExactlyOneOfPurchaseIdAndLicenseKey() throws Exception {
        HttpResponse<String> both = driver.post("/api/v1/license-attachments",
                "{\"purchaseId\":\"P-1\",\"licenseKey\":\"ABCDE\"}", tokenFor(newEmail()));
        HttpResponse<String> neither = driver.post("/api/v1/license-attachments", "{}", tokenFor(newEmail()));

        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(neither.statusCode()).isEqualTo(400);
        assertThat(neither.body()).contains("either a purchaseId or a licenseKey");
    }

    private JsonNode startAttach(String email, String body) throws Exception {
        HttpResponse<String> response = driver.post("/api/v1/license-attachments", body, tokenFor(email));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json.readTree(response.body());
    }

    private HttpResponse<String> confirm(String email, String requestId, String code) throws Exception {
        return driver.post("/api/v1/license-attachments/" + requestId + "/confirm", "{\"code\":\"" + code + "\"}",
                tokenFor(email));
    }

    /** The code, as notification-service receives it to mail it to the purchase e-mail. */
    private String mailedCode(String requestId, String purchaseEmail) throws Exception {
        ConsumerRecord<String, String> request = await().atMost(Duration.ofSeconds(30)).until(
                () -> TopicReader.first(kafka(), "notification.requests", r -> requestId.equals(TopicReader.header(r, "ce_id"))),
                record -> record != null);
        assertThat(TopicReader.header(request, "ce_type")).isEqualTo(MAIL);
        assertThat(schemaErrors(MAIL, request.value())).isEmpty();
        JsonNode mail = json.readTree(request.value());
        assertThat(mail.get("template").asText()).isEqualTo("attach-code");
        assertThat(mail.get("to").asText()).isEqualTo(purchaseEmail);
        return mail.get("data").get("code").asText();
    }
}
