package org.licensecentral.testsupport;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The one way tests produce to a topic: a JSON body with the CloudEvents Kafka binding headers
 * ({@code ce_id}, {@code ce_type}, {@code ce_source}, {@code ce_specversion}, {@code ce_subject},
 * {@code ce_time}),
 * keyed by the natural id, as every producer of the platform sends them. Each send waits for the
 * broker's acknowledgement, so a test's next step sees the record on the topic.
 */
public final class TopicWriter implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public TopicWriter(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /** To the test infrastructure's broker. */
    public static TopicWriter toTestBroker() {
        return new TopicWriter(TestInfrastructure.get().kafkaBootstrapServers());
    }

    /** Sends a CloudEvent with a new random {@code ce_id}. */
    public void send(String topic, String key, String type, String source, String body) {
        send(topic, key, type, source, UUID.randomUUID().toString(), body);
    }

    /** Sends a CloudEvent with the given {@code ce_id} (the same id twice is a redelivery). */
    public void send(String topic, String key, String type, String source, String id, String body) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, body);
        header(record, "ce_id", id);
        header(record, "ce_type", type);
        header(record, "ce_source", source);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_subject", key);
        header(record, "ce_time", Instant.now().toString());
        header(record, "contentType", "application/json");
        sendRecord(record);
    }

    /** Sends a record as it is, headers and all: for poison and other records no producer of ours would send. */
    public void sendRecord(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker did not take the record for " + record.topic(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + record.topic(), e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
