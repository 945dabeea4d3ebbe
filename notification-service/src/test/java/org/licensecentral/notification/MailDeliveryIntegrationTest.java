package org.licensecentral.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.licensecentral.notification.MailRequestsDriver.attachCode;
import static org.licensecentral.notification.MailRequestsDriver.awaitMails;
import static org.licensecentral.notification.MailRequestsDriver.kafka;
import static org.licensecentral.notification.MailRequestsDriver.mailsTo;
import static org.licensecentral.notification.MailRequestsDriver.newAddress;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.licensecentral.testsupport.EventSchemas;
import org.licensecentral.testsupport.TestJwtIssuer;
import org.licensecentral.testsupport.TopicReader;

import org.springframework.boot.test.system.CapturedOutput;

/** Mail requests on the real broker become real mails at GreenMail, each exactly once. */
class MailDeliveryIntegrationTest extends NotificationServiceIntegrationTest {

    private static final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theAttachCodeMailShowsTheCodeTheLicensesWithoutKeysTheExpiryAndALineForWhoDidNotAsk(CapturedOutput output)
            throws Exception {
        String to = newAddress();

        driver.request(UUID.randomUUID().toString(), attachCode(to, "K7PQ2XMA"));

        MimeMessage message = awaitMails(mail, to, 1).get(0);
        // The code is in the body only: a subject shows in every inbox list and notification.
        assertThat(message.getSubject()).isEqualTo("Confirm adding your licenses to another account");
        assertThat(message.getFrom()[0].toString()).contains("noreply@licensecentral.org");
        String text = part(message, "text/plain");
        String html = part(message, "text/html");
        assertThat(text)
                .contains("K7PQ2XMA")
                .contains("Backup Server")
                .contains("27 November 2026 at 12:30 UTC")
                .contains("If you did not ask for this");
        assertThat(html).contains("K7PQ2XMA").contains("Backup Server");
        // A license key in this mail would hand the license over without the code (issue 15, finding 4).
        assertThat(text).doesNotContain(", key");
        assertThat(html).doesNotContain(", key");
        // The code goes to the customer only: never into a log line.
        assertThat(output.getAll()).doesNotContain("K7PQ2XMA");
    }

    @Test
    void aRequestDeliveredTwiceMailsOnce() throws Exception {
        String to = newAddress();
        String id = UUID.randomUUID().toString();
        driver.request(id, attachCode(to, "22222222"));
        driver.request(id, attachCode(to, "22222222"));
        String marker = newAddress();
        driver.request(UUID.randomUUID().toString(), attachCode(marker, "33333333"));

        // One partition: once the later request is delivered, the redelivery was handled.
        awaitMails(mail, marker, 1);
        assertThat(mailsTo(mail, to)).hasSize(1);
    }

    @Test
    void anUnreadableRequestIsDeadLetteredAndTheNextOneIsStillDelivered() throws Exception {
        String poisonId = UUID.randomUUID().toString();
        driver.request(poisonId, "{\"template\": \"attach-code\", \"to\": ");
        String to = newAddress();
        driver.request(UUID.randomUUID().toString(), attachCode(to, "44444444"));

        awaitMails(mail, to, 1);
        ConsumerRecord<String, String> dead = TopicReader.first(
                kafka(), "error.notification.requests.notification-service", r -> poisonId.equals(r.key()));
        assertThat(TopicReader.header(dead, "x-exception-message")).isNotBlank();
    }

    @Test
    void anUnknownTemplateIsDeadLetteredAtOnceWithTheReason() throws Exception {
        String id = UUID.randomUUID().toString();
        driver.request(id, "{\"template\":\"birthday\",\"to\":\"" + newAddress() + "\",\"data\":{}}");

        ConsumerRecord<String, String> dead =
                TopicReader.first(kafka(), "error.notification.requests.notification-service", r -> id.equals(r.key()));
        assertThat(TopicReader.header(dead, "x-exception-message")).contains("unknown mail template 'birthday'");
    }

    @Test
    void supportSeesWhatWasSentToAnAddressWithoutItsCode() throws Exception {
        String to = newAddress();
        String id = UUID.randomUUID().toString();
        driver.request(id, attachCode(to, "55555555"));
        awaitMails(mail, to, 1);

        HttpResponse<String> deliveries = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> get(
                                "/internal/deliveries?to=" + to,
                                TestJwtIssuer.get().internalToken()),
                        response -> response.body().contains("SENT"));

        assertThat(deliveries.statusCode()).isEqualTo(200);
        assertThat(deliveries.body()).contains(id).contains("attach-code").doesNotContain("55555555");
        assertThat(get("/internal/deliveries?to=" + to, null).statusCode()).isEqualTo(401);
    }

    @Test
    void sentMailsAreCountedByTemplateWithTheTimeFromTheEventToTheSmtpAccept() throws Exception {
        String to = newAddress();
        driver.request(UUID.randomUUID().toString(), attachCode(to, "66666666"));
        awaitMails(mail, to, 1);

        // The mail is at GreenMail a moment before the service counts it.
        String metrics = await().atMost(Duration.ofSeconds(10))
                .until(() -> get("/actuator/prometheus", null).body(), body -> body.contains("mail_sent_total"));

        assertThat(metrics)
                .containsPattern(
                        "mail_sent_total\\{application=\"notification-service\",template=\"attach-code\"\\} [1-9]");
        assertThat(metrics)
                .contains(
                        "mail_delivery_latency_seconds_count{application=\"notification-service\",template=\"attach-code\"}");
    }

    @Test
    void aDeliveredMailIsMultipartAlternativeWithTheTextPartFirstAndBothNamingTheLicenses() throws Exception {
        String to = newAddress();
        String request = licensesAttached(to);
        assertThat(EventSchemas.errors(MailRequestsDriver.TYPE, request)).isEmpty();
        driver.request(UUID.randomUUID().toString(), request);

        MimeMessage message = awaitMails(mail, to, 1).get(0);

        assertThat(message.getSubject()).isEqualTo("Licenses were added to your account");
        Multipart alternative = alternative(message);
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getCount()).isEqualTo(2);
        // RFC 2046: the plainest part first, the one a reader prefers last.
        BodyPart text = alternative.getBodyPart(0);
        BodyPart html = alternative.getBodyPart(1);
        assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        String plain = String.valueOf(text.getContent());
        assertThat(plain)
                .contains("Backup Server, key …-R3RR9, maintenance until 14 March 2027")
                .contains("http://localhost:8080/?q=R3RR9")
                .contains("Drive Home, key …-7HQ2K");
        assertThat(plain.lines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(72));
        assertThat(String.valueOf(html.getContent()))
                .contains("<a href=\"http://localhost:8080/?q=R3RR9\">Backup Server</a>")
                .contains("14 March 2027");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "licenses-attached      | Licenses were added to your account                      | …-R3RR9",
                "licenses-attached-away | Licenses moved to another account                        | …-R3RR9",
                "license-attached       | A license was added to your account                      | was added to your",
                "license-attached-away  | One of your licenses moved to another account            | another account",
                "email-verification     | Confirm your e-mail address                              | 77777777",
                "password-reset         | Your password reset code                                 | 77777777",
                "machine-activated      | A machine was activated on your Backup license           | office-pc",
                "maintenance-ending     | Maintenance of your Backup license ends on 1 January 2027 | 1 January 2027",
                "maintenance-ended      | Maintenance of your Backup license has ended             | 1 January 2027",
            })
    void everyTemplateHasItsSubjectAndShowsItsData(String template, String subject, String shown) throws Exception {
        String to = newAddress();
        driver.request(
                UUID.randomUUID().toString(),
                "{\"template\":\"" + template + "\",\"to\":\"" + to
                        + "\",\"data\":{\"licenseId\":\"lic-1\",\"code\":\"77777777\",\"product\":\"Backup\",\"hostname\":\"office-pc\","
                        + "\"productVersion\":\"5.3\",\"licenseKey\":\"ABCDE-FGHJK-MNPQR-STUVW-R3RR9\",\"maintenanceUntil\":\"2027-01-01\","
                        + "\"at\":\"2026-11-27T10:00:00Z\",\"licenses\":[{\"product\":\"Backup\",\"edition\":\"Server\","
                        + "\"licenseKeyEnd\":\"R3RR9\",\"maintenanceUntil\":\"2027-01-01\"}]}}");

        MimeMessage message = awaitMails(mail, to, 1).get(0);

        assertThat(message.getSubject()).isEqualTo(subject);
        assertThat(part(message, "text/plain"))
                .contains(shown)
                .contains("support@licensecentral.org")
                .contains("http://localhost:8080/");
        assertThat(part(message, "text/html")).contains(shown).contains("href=\"http://localhost:8080/");
    }

    private static String licensesAttached(String to) {
        return "{\"template\":\"licenses-attached\",\"to\":\"" + to + "\",\"data\":{\"licenses\":["
                + "{\"product\":\"Backup\",\"edition\":\"Server\",\"licenseKeyEnd\":\"R3RR9\",\"maintenanceUntil\":\"2027-03-14\"},"
                + "{\"product\":\"Drive\",\"edition\":\"Home\",\"licenseKeyEnd\":\"7HQ2K\",\"maintenanceUntil\":\"2027-11-01\"}]}}";
    }

    /** The multipart/alternative of a mail, however deep Spring's MimeMessageHelper nests it in mixed and related. */
    private static Multipart alternative(Part part) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            if (multipart.getContentType().startsWith("multipart/alternative")) {
                return multipart;
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                Multipart found = alternative(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The decoded body of the first part of that type, however deep the multipart nesting. */
    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
