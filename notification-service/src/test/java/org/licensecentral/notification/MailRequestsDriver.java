package org.licensecentral.notification;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.licensecentral.testsupport.TestInfrastructure;
import org.licensecentral.testsupport.TopicWriter;

/** Asks for mails the way license-service and identity-service do, and reads what arrived at the SMTP server. */
final class MailRequestsDriver implements AutoCloseable {

    static final String TYPE = "org.licensecentral.notification.mail-requested.v1";

    private final TopicWriter producer = TopicWriter.toTestBroker();

    static String kafka() {
        return TestInfrastructure.get().kafkaBootstrapServers();
    }

    static String newAddress() {
        return "customer-" + UUID.randomUUID() + "@example.org";
    }

    static String attachCode(String to, String code) {
        return "{\"template\":\"attach-code\",\"to\":\"" + to + "\",\"data\":{\"code\":\"" + code
                + "\",\"expiresAt\":\"2026-11-27T12:30:00Z\",\"licenses\":[{\"product\":\"Backup\",\"edition\":\"Server\"}]}}";
    }

    private final String topic;

    MailRequestsDriver() {
        this("notification.requests");
    }

    MailRequestsDriver(String topic) {
        this.topic = topic;
    }

    /** Publishes a body with a given ce_id (the same id again is a redelivery). */
    void request(String id, String body) throws Exception {
        publish(topic, id, id, TYPE, "/license-service", body);
    }

    /** Publishes as license-service or activation-service publish their facts. */
    void fact(String topic, String type, String licenseId, String body) throws Exception {
        publish(topic, licenseId, UUID.randomUUID().toString(), type, "/test", body);
    }

    private void publish(String topic, String key, String id, String type, String source, String body) {
        producer.send(topic, key, type, source, id, body);
    }

    static List<MimeMessage> mailsTo(GreenMail mail, String address) {
        return mail.findReceivedMessages(user -> user.getEmail().equals(address), message -> true)
                .toList();
    }

    static List<MimeMessage> awaitMails(GreenMail mail, String address, int count) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> mailsTo(mail, address), mails -> mails.size() >= count);
    }

    @Override
    public void close() {
        producer.close();
    }
}
