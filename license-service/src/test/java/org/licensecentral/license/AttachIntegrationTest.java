package org.licensecentral.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.licensecentral.license.LicenseServiceDriver.item;
import static org.licensecentral.license.LicenseServiceDriver.kafka;
import static org.licensecentral.license.LicenseServiceDriver.newEmail;
import static org.licensecentral.license.LicenseServiceDriver.tokenFor;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.licensecentral.license.query.LicenseView;
import org.licensecentral.testsupport.EventSchemas;
import org.licensecentral.testsupport.TopicReader;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.jdbc.core.JdbcTemplate;

/** The two-step attach, with the code taken from the notification.requests message as notification-service gets it. */
@ExtendWith(OutputCaptureExtension.class)
class AttachIntegrationTest extends LicenseServiceIntegrationTest {

    private static final String MAIL = "org.licensecentral.notification.mail-requested.v1";

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aLicenseBoughtUnderAnotherEmailIsAttachedWithTheMailedCode(CapturedOutput output) throws Exception {
        String buyer = newEmail();
        JsonNode bought = driver.buy(buyer, item("BACKUP", "Professional", 2));
        String purchaseId = bought.get("items").get(0).get("purchaseId").asText();
        String me = newEmail();

        JsonNode started = startAttach(me, "{\"purchaseId\":\"" + purchaseId + "\"}");
        String code = mailedCode(started.get("requestId").asText(), buyer);

        HttpResponse<String> confirmed = confirm(me, started.get("requestId").asText(), code.toLowerCase());

        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        // The answer names exactly the purchase's two licenses, the key by its last group only.
        List<String> expected = new ArrayList<>();
        for (JsonNode item : bought.get("items")) {
            String key = item.get("licenseKey").asText();
            expected.add(item.get("id").asText() + " " + item.get("productName").asText() + " "
                    + item.get("edition").asText() + " " + key.substring(key.lastIndexOf('-') + 1));
            assertThat(confirmed.body()).doesNotContain(key);
        }
        List<String> answered = new ArrayList<>();
        for (JsonNode license : json.readTree(confirmed.body()).get("licenses")) {
            List<String> fields = new ArrayList<>();
            license.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactlyInAnyOrder("id", "productName", "edition", "licenseKeyEnd");
            answered.add(license.get("id").asText() + " "
                    + license.get("productName").asText() + " "
                    + license.get("edition").asText() + " "
                    + license.get("licenseKeyEnd").asText());
        }
        assertThat(answered).hasSize(2).containsExactlyInAnyOrderElementsOf(expected);
        driver.awaitLicenses(me, 2);
        driver.awaitLicenses(buyer, 0);
        String licenseId = bought.get("items").get(0).get("id").asText();
        ConsumerRecord<String, String> attached = TopicReader.first(
                kafka(),
                "license.events",
                r -> licenseId.equals(r.key())
                        && TopicReader.header(r, "ce_type").contains("license-attached"));
        assertThat(EventSchemas.errors("org.licensecentral.license.license-attached.v1", attached.value()))
                .isEmpty();
        // One mail to each side for the purchase's two licenses, not one per license (issue 17).
        String otherLicenseId = bought.get("items").get(1).get("id").asText();
        List<String> keyEnds = new ArrayList<>();
        for (JsonNode item : bought.get("items")) {
            String key = item.get("licenseKey").asText();
            keyEnds.add(key.substring(key.lastIndexOf('-') + 1));
        }
        ConsumerRecord<String, String> away = TopicReader.first(
                kafka(),
                "notification.requests",
                r -> r.value().contains("\"licenses-attached-away\"")
                        && r.value().contains(buyer));
        ConsumerRecord<String, String> toMe = TopicReader.first(
                kafka(),
                "notification.requests",
                r -> r.value().contains("\"licenses-attached\"") && r.value().contains(me));
        for (ConsumerRecord<String, String> mail : List.of(away, toMe)) {
            assertThat(EventSchemas.errors(MAIL, mail.value())).as(mail.value()).isEmpty();
            JsonNode licenses = json.readTree(mail.value()).get("data").get("licenses");
            assertThat(licenses.findValuesAsText("licenseKeyEnd")).containsExactlyInAnyOrderElementsOf(keyEnds);
            assertThat(licenses.findValuesAsText("edition")).containsOnly("Professional");
            // Neither an id nor a whole key on the mail topic: the key's last group names the license.
            assertThat(mail.value()).doesNotContain(licenseId).doesNotContain(otherLicenseId);
            for (JsonNode item : bought.get("items")) {
                assertThat(mail.value()).doesNotContain(item.get("licenseKey").asText());
            }
        }
        assertThat(TopicReader.readAll(kafka(), "notification.requests"))
                .filteredOn(r -> r.value().contains(me) || r.value().contains(buyer))
                .filteredOn(r -> r.value().contains("attached"))
                .hasSize(2);
        JsonNode history = driver.getJson("/api/v1/licenses/" + licenseId, me).get("history");
        assertThat(history.findValuesAsText("event")).containsExactly("LicenseIssued", "LicenseAttached");
        // The history says from whom and to whom, with both addresses masked as the portal shows them.
        JsonNode attachEntry = history.get(1).get("details");
        assertThat(attachEntry.get("fromEmail").asText()).isEqualTo(buyer.substring(0, 2) + "***@example.org");
        assertThat(attachEntry.get("toEmail").asText()).isEqualTo(me.substring(0, 2) + "***@example.org");
        assertThat(history.toString()).doesNotContain(buyer).doesNotContain(me);
        // The plain code is in the mail request only: not in the event store, license.events or any log line.
        assertThat(jdbc.queryForList(
                        "SELECT convert_from(payload, 'UTF8') FROM domainevententry"
                                + " UNION ALL SELECT convert_from(payload, 'UTF8') FROM snapshotevententry",
                        String.class))
                .isNotEmpty()
                .noneMatch(payload -> payload.contains(code));
        assertThat(TopicReader.readAll(kafka(), "license.events"))
                .noneMatch(r -> r.value().contains(code));
        assertThat(output.getAll()).doesNotContain(code);
    }

    @Test
    void aRealAndAnUnknownPurchaseIdGetTheSameStatusAndFieldsNamingNoAddress() throws Exception {
        String me = newEmail();
        String purchaseId = driver.buy(newEmail(), item("DRIVE", "Home", 1))
                .get("items")
                .get(0)
                .get("purchaseId")
                .asText();

        HttpResponse<String> real = startAttachResponse(me, "{\"purchaseId\":\"" + purchaseId + "\"}");
        HttpResponse<String> unknown = startAttachResponse(me, "{\"purchaseId\":\"P-" + UUID.randomUUID() + "\"}");

        assertThat(real.statusCode()).isEqualTo(202).isEqualTo(unknown.statusCode());
        assertThat(fieldNames(real))
                .containsExactlyInAnyOrder("requestId", "expiresAt")
                .containsExactlyInAnyOrderElementsOf(fieldNames(unknown));
        assertThat(real.body()).doesNotContain("@");
    }

    @Test
    void aKeyThatMatchesNothingGetsAnAnswerOfTheSameShapeAndAnyCodeIsWrong() throws Exception {
        String me = newEmail();
        JsonNode real = startAttach(
                me,
                "{\"licenseKey\":\""
                        + driver.buy(newEmail(), item("DRIVE", "Home", 1))
                                .get("items")
                                .get(0)
                                .get("licenseKey")
                                .asText()
                        + "\"}");
        JsonNode none = startAttach(me, "{\"licenseKey\":\"ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ\"}");

        for (JsonNode answer : new JsonNode[] {real, none}) {
            assertThat(answer.fieldNames()).toIterable().containsExactlyInAnyOrder("requestId", "expiresAt");
        }
        assertThat(confirm(me, none.get("requestId").asText(), "22222222").statusCode())
                .isEqualTo(422);
    }

    @Test
    void theAttachCodeMailNamesProductAndEditionButNoLicenseKey() throws Exception {
        String buyer = newEmail();
        String key = driver.buy(buyer, item("BACKUP", "Server", 1))
                .get("items")
                .get(0)
                .get("licenseKey")
                .asText();
        String requestId = startAttach(newEmail(), "{\"licenseKey\":\"" + key + "\"}")
                .get("requestId")
                .asText();

        ConsumerRecord<String, String> request = mailRequest(requestId);

        assertThat(request.value()).doesNotContain(key).doesNotContain("licenseKey");
        assertThat(json.readTree(request.value()).get("data").get("licenses"))
                .containsExactly(json.readTree("{\"product\":\"Backup\",\"edition\":\"Server\"}"));
    }

    @Test
    void aPurchaseIdNamingLicensesOfTwoEmailsAttachesOnlyThoseOfTheEmailTheCodeWentTo() throws Exception {
        String first = newEmail();
        String second = newEmail();
        JsonNode firstBought = driver.buy(first, item("BACKUP", "Home", 2));
        String purchaseId = firstBought.get("items").get(0).get("purchaseId").asText();
        String secondLicense = driver.buy(second, item("BACKUP", "Home", 1))
                .get("items")
                .get(0)
                .get("id")
                .asText();
        // A purchase id merged before issue 15's finding 2 was fixed: its licenses went to two e-mails.
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(secondLicense)),
                new Update().set("purchaseId", purchaseId),
                LicenseView.class);
        String me = newEmail();

        String requestId = startAttach(me, "{\"purchaseId\":\"" + purchaseId + "\"}")
                .get("requestId")
                .asText();
        JsonNode mail = json.readTree(mailRequest(requestId).value());
        String mailedTo = mail.get("to").asText();
        assertThat(mailedTo).isIn(first, second);
        String other = mailedTo.equals(first) ? second : first;
        int mailedCount = mailedTo.equals(first) ? 2 : 1;
        assertThat(mail.get("data").get("licenses")).hasSize(mailedCount);
        assertThat(confirm(me, requestId, mail.get("data").get("code").asText()).statusCode())
                .isEqualTo(200);

        driver.awaitLicenses(me, mailedCount);
        driver.awaitLicenses(mailedTo, 0);
        // Every license of the request is attached before any of them shows as attached, so the other
        // e-mail's would be gone by now if the request had named them.
        JsonNode otherLicenses = driver.licenses(other);
        assertThat(otherLicenses.get("totalItems").asInt()).isEqualTo(3 - mailedCount);
        for (JsonNode license : otherLicenses.get("items")) {
            assertThat(driver.getJson("/api/v1/licenses/" + license.get("id").asText(), other)
                            .get("history")
                            .findValuesAsText("event"))
                    .containsExactly("LicenseIssued");
        }
    }

    @Test
    void fiveWrongCodesLockTheRequestAndTheRightOneIsThenRefused() throws Exception {
        String buyer = newEmail();
        String key = driver.buy(buyer, item("EXPLORER", "Professional", 1))
                .get("items")
                .get(0)
                .get("licenseKey")
                .asText();
        String me = newEmail();
        String requestId = startAttach(me, "{\"licenseKey\":\"" + key + "\"}")
                .get("requestId")
                .asText();
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
        String key = driver.buy(buyer, item("DRIVE", "Business", 1))
                .get("items")
                .get(0)
                .get("licenseKey")
                .asText();
        String me = newEmail();
        String requestId = startAttach(me, "{\"licenseKey\":\"" + key + "\"}")
                .get("requestId")
                .asText();
        String code = mailedCode(requestId, buyer);
        assertThat(confirm(me, requestId, code).statusCode()).isEqualTo(200);

        HttpResponse<String> again = confirm(me, requestId, code);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json.readTree(again.body()).get("type").asText()).endsWith("/attach-request-used");
    }

    @Test
    void anotherAccountCannotConfirmMyRequest() throws Exception {
        String buyer = newEmail();
        String key = driver.buy(buyer, item("DRIVE", "Business", 1))
                .get("items")
                .get(0)
                .get("licenseKey")
                .asText();
        String requestId = startAttach(newEmail(), "{\"licenseKey\":\"" + key + "\"}")
                .get("requestId")
                .asText();

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

        HttpResponse<String> sixth =
                driver.post("/api/v1/license-attachments", "{\"purchaseId\":\"P-nothing-6\"}", tokenFor(me));

        assertThat(sixth.statusCode()).isEqualTo(429);
        // The hour is a fixed window: the wait is until it ends, at most an hour.
        assertThat(sixth.headers().firstValue("Retry-After").map(Long::parseLong))
                .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 3600L));
        assertThat(json.readTree(sixth.body()).get("type").asText()).endsWith("/attach-request-too-many-requests");
    }

    @Test
    void ofTwentyParallelStartsByOneAccountExactlyFiveAreAccepted() throws Exception {
        String me = newEmail();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> starts = IntStream.range(0, 20)
                    .mapToObj(i -> pool.submit(() -> driver.post(
                            "/api/v1/license-attachments", "{\"purchaseId\":\"P-parallel-" + i + "\"}", tokenFor(me))))
                    .toList();
            for (Future<HttpResponse<String>> start : starts) {
                statuses.add(start.get().statusCode());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(statuses).filteredOn(status -> status == 202).hasSize(5);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(15);
    }

    @Test
    void aPurchaseEmailGetsFiveAttachCodeMailsAnHourAndTheSixthRequesterTheSameAnswer() throws Exception {
        String buyer = newEmail();
        String purchaseId = driver.buy(buyer, item("EXPLORER", "Standard", 1))
                .get("items")
                .get(0)
                .get("purchaseId")
                .asText();
        String body = "{\"purchaseId\":\"" + purchaseId + "\"}";
        // Five accounts, each within its own cap, all asking for the same purchase e-mail.
        for (int i = 0; i < 5; i++) {
            mailRequest(startAttach(newEmail(), body).get("requestId").asText());
        }

        HttpResponse<String> sixth = startAttachResponse(newEmail(), body);

        assertThat(sixth.statusCode()).isEqualTo(202);
        assertThat(fieldNames(sixth)).containsExactlyInAnyOrder("requestId", "expiresAt");
        String sixthId = json.readTree(sixth.body()).get("requestId").asText();
        // A later mail to someone else goes out; the sixth to the buyer does not.
        String next = newEmail();
        String nextKey = driver.buy(next, item("DRIVE", "Home", 1))
                .get("items")
                .get(0)
                .get("licenseKey")
                .asText();
        mailRequest(startAttach(newEmail(), "{\"licenseKey\":\"" + nextKey + "\"}")
                .get("requestId")
                .asText());
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> TopicReader.readAll(kafka(), "notification.requests").stream()
                        .noneMatch(r -> sixthId.equals(TopicReader.header(r, "ce_id"))));
        assertThat(TopicReader.readAll(kafka(), "notification.requests").stream()
                        .filter(r -> r.value().contains("\"to\":\"" + buyer + "\"")
                                && r.value().contains("attach-code")))
                .hasSize(5);
    }

    @Test
    void anAttachRequestNeedsExactlyOneOfPurchaseIdAndLicenseKey() throws Exception {
        HttpResponse<String> both = driver.post(
                "/api/v1/license-attachments",
                "{\"purchaseId\":\"P-1\",\"licenseKey\":\"ABCDE\"}",
                tokenFor(newEmail()));
        HttpResponse<String> neither = driver.post("/api/v1/license-attachments", "{}", tokenFor(newEmail()));

        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(neither.statusCode()).isEqualTo(400);
        assertThat(neither.body()).contains("either a purchaseId or a licenseKey");
    }

    private JsonNode startAttach(String email, String body) throws Exception {
        HttpResponse<String> response = startAttachResponse(email, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json.readTree(response.body());
    }

    private HttpResponse<String> startAttachResponse(String email, String body) throws Exception {
        return driver.post("/api/v1/license-attachments", body, tokenFor(email));
    }

    private List<String> fieldNames(HttpResponse<String> response) throws Exception {
        List<String> names = new ArrayList<>();
        json.readTree(response.body()).fieldNames().forEachRemaining(names::add);
        return names;
    }

    private HttpResponse<String> confirm(String email, String requestId, String code) throws Exception {
        return driver.post(
                "/api/v1/license-attachments/" + requestId + "/confirm",
                "{\"code\":\"" + code + "\"}",
                tokenFor(email));
    }

    /** The code, as notification-service receives it to mail it to the purchase e-mail. */
    private String mailedCode(String requestId, String purchaseEmail) throws Exception {
        ConsumerRecord<String, String> request = mailRequest(requestId);
        assertThat(TopicReader.header(request, "ce_type")).isEqualTo(MAIL);
        assertThat(EventSchemas.errors(MAIL, request.value())).isEmpty();
        JsonNode mail = json.readTree(request.value());
        assertThat(mail.get("template").asText()).isEqualTo("attach-code");
        assertThat(mail.get("to").asText()).isEqualTo(purchaseEmail);
        return mail.get("data").get("code").asText();
    }

    /** The attach-code mail request of the attach request, as notification-service receives it. */
    private ConsumerRecord<String, String> mailRequest(String requestId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> TopicReader.first(
                                kafka(),
                                "notification.requests",
                                r -> requestId.equals(TopicReader.header(r, "ce_id"))),
                        record -> record != null);
    }
}
