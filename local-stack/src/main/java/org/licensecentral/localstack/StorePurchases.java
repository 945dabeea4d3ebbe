package org.licensecentral.localstack;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays the web store: publishes completed purchases to {@code store.purchases} exactly as the
 * store does, a JSON body with CloudEvents headers, keyed by purchase id. The CloudEvents id is
 * derived from the purchase id, so publishing a purchase again is a redelivery that idempotent
 * consumers ignore.
 */
public final class StorePurchases implements AutoCloseable {

    public static final String TOPIC = "store.purchases";
    static final String PURCHASE_TYPE = "org.licensecentral.store.purchase-completed.v1";

    private final ObjectMapper json = new ObjectMapper();
    private final KafkaProducer<String, String> producer;

    public StorePurchases(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
    }

    /** Sends one purchase and waits until the broker has it. */
    public void publish(JsonNode purchase) throws InterruptedException {
        String purchaseId = purchase.get("purchaseId").asText();
        ProducerRecord<String, String> record;
        try {
            record = new ProducerRecord<>(TOPIC, purchaseId, json.writeValueAsString(purchase));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a purchase: " + purchase, e);
        }
        header(
                record,
                "ce_id",
                UUID.nameUUIDFromBytes(("store-purchase:" + purchaseId).getBytes(UTF_8))
                        .toString());
        header(record, "ce_specversion", "1.0");
        header(record, "ce_type", PURCHASE_TYPE);
        header(record, "ce_source", "/web-store");
        header(record, "ce_subject", purchaseId);
        header(record, "ce_time", purchase.get("purchasedAt").asText());
        header(record, "content-type", "application/json");
        try {
            producer.send(record).get();
        } catch (ExecutionException e) {
            throw new StackException("cannot publish purchase " + purchaseId + " to " + TOPIC + ": " + e.getCause());
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
