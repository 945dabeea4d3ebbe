package org.licensecentral.notification;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.licensecentral.testsupport.TestInfrastructure;

/** Asks for mails the way license-service and identity-service do, and reads what arrived at the SMTP server. */
final class MailRequestsDriver implements AutoCloseable {

    static final String TYPE = "org.licensecentral.notification.mail-requested.v1";

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));

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

    private void publish(String topic, String key, String id, String type, String source, String body) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, body);
        record.headers().add("ce_id", id.getBytes(UTF_8));
        record.headers().add("ce_type", type.getBytes(UTF_8));
        record.headers().add("ce_source", source.getBytes(UTF_8));
        record.headers().add("ce_specversion", "1.0".getBytes(UTF_8));
        record.headers().add("ce_time", OffsetDateTime.now().toString().getBytes(UTF_8));
        record.headers().add("contentType", "application/json".getBytes(UTF_8));
        producer.send(record).get();
    }

    /** What the published schema of {@code type} (in docs/events) finds wrong with {@code payload}. */
    static Set<ValidationMessage> schemaErrors(String type, String payload) throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("../docs/events/" + type + ".schema.json")))
                .validate(new ObjectMapper().readTree(payload));
    }

    static List<MimeMessage> mailsTo(GreenMail mail, String address) {
        return mail.findReceivedMessages(user -> user.getEmail().equals(address), message -> true).toList();
    }

    static List<MimeMessage> awaitMails(GreenMail mail, String address, int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> mailsTo(mail, address), mails -> mails.size() >= count);
    }

    @Override
    public void close() {
        producer.close();
    }
}
