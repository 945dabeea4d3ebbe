package org.licensecentral.storepurchases;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.HashMap;
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
 * Publishes completed purchases to {@code store.purchases} exactly as the web store does: a JSON
 * body (schema {@code docs/events/org.licensecentral.store.purchase-completed.v1.schema.json}) with
 * CloudEvents headers, keyed by purchase id. The CloudEvents id is derived from the purchase id,
 * so publishing a purchase again is a redelivery that idempotent consumers ignore. The local store
 * page, the local stack's demo seed and the system tests all send through this one class, so the
 * record has one format.
 */
public final class StorePurchases implements AutoCloseable {

    public static final String TOPIC = "store.purchases";
    public static final String PURCHASE_TYPE = "org.licensecentral.store.purchase-completed.v1";
    public static final String SOURCE = "/web-store";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaProducer<String, String> producer;

    public StorePurchases(String bootstrapServers) {
        this(bootstrapServers, Map.of());
    }

    /**
     * {@code clientProperties}: further Kafka producer properties, such as the SASL settings of an
     * authenticated broker (docker-compose); they cannot change the serializers or the acks.
     */
    public StorePurchases(String bootstrapServers, Map<String, ?> clientProperties) {
        Map<String, Object> properties = new HashMap<>(clientProperties);
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // Every replica has it before the store tells the buyer so; a retried send is not a second record.
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer = new KafkaProducer<>(properties);
    }

    /** Sends one purchase and waits until the broker has it. */
    public void publish(JsonNode purchase) throws InterruptedException {
        ProducerRecord<String, String> record = record(purchase);
        try {
            producer.send(record).get();
        } catch (ExecutionException e) {
            throw new PublishFailedException(
                    "cannot publish purchase " + record.key() + " to " + TOPIC + ": " + e.getCause(), e.getCause());
        }
    }

    /** The record the store sends for a purchase: its body, key and CloudEvents headers. */
    public static ProducerRecord<String, String> record(JsonNode purchase) {
        String purchaseId = purchase.path("purchaseId").asText();
        ProducerRecord<String, String> record;
        try {
            record = new ProducerRecord<>(TOPIC, purchaseId, JSON.writeValueAsString(purchase));
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
        header(record, "ce_source", SOURCE);
        header(record, "ce_subject", purchaseId);
        header(record, "ce_time", purchase.path("purchasedAt").asText());
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }

    /** The broker did not take the purchase: the buyer must not be told it was bought. */
    public static final class PublishFailedException extends RuntimeException {
        PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
