package org.licensecentral.localstack;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Demo data, put in once through the system's own inputs and never written into a database behind
 * a service's back: the web store's purchases go to {@code store.purchases} exactly as the store
 * sends them. A marker file under the data directory keeps a restart from seeding again, and each
 * purchase's CloudEvents id is derived from its purchase id, so even a repeated seed is a
 * redelivery that idempotent consumers ignore.
 */
final class DemoSeed {

    static final String STORE_PURCHASES = "store.purchases";
    static final String PURCHASE_TYPE = "org.licensecentral.store.purchase-completed.v1";

    private final ObjectMapper json = new ObjectMapper();
    private final StackConfig config;

    DemoSeed(StackConfig config) {
        this.config = config;
    }

    /** Seeds unless an earlier start did; returns what it did, for the start-up summary. */
    String seedOnce() {
        Path marker = config.dataDir().resolve("seeded");
        if (Files.exists(marker)) {
            return "demo data already seeded (delete " + marker + " to seed again)";
        }
        JsonNode purchases = demoData().get("purchases");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (JsonNode purchase : purchases) {
                producer.send(record(purchase)).get();
            }
            Files.writeString(marker, Instant.now() + System.lineSeparator());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while seeding demo data");
        } catch (ExecutionException e) {
            throw new StackException("cannot publish demo purchases to " + STORE_PURCHASES + ": " + e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "seeded " + purchases.size() + " demo purchases on " + STORE_PURCHASES;
    }

    private ProducerRecord<String, String> record(JsonNode purchase) throws IOException {
        String purchaseId = purchase.get("purchaseId").asText();
        ProducerRecord<String, String> record =
                new ProducerRecord<>(STORE_PURCHASES, purchaseId, json.writeValueAsString(purchase));
        header(record, "ce_id", UUID.nameUUIDFromBytes(("demo-purchase:" + purchaseId).getBytes(UTF_8)).toString());
        header(record, "ce_specversion", "1.0");
        header(record, "ce_type", PURCHASE_TYPE);
        header(record, "ce_source", "/web-store");
        header(record, "ce_subject", purchaseId);
        header(record, "ce_time", purchase.get("purchasedAt").asText());
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(UTF_8));
    }

    private JsonNode demoData() {
        try (InputStream in = DemoSeed.class.getResourceAsStream("/demo-data.json")) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo-data.json", e);
        }
    }
}
