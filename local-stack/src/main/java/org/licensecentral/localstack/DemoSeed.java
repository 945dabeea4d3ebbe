package org.licensecentral.localstack;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
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
 * sends them, and the demo account registers and verifies its e-mail through identity-service. A marker file under the data directory keeps a restart from seeding again, and each
 * purchase's CloudEvents id is derived from its purchase id, so even a repeated seed is a
 * redelivery that idempotent consumers ignore.
 */
final class DemoSeed {

    static final String STORE_PURCHASES = "store.purchases";
    static final String PURCHASE_TYPE = "org.licensecentral.store.purchase-completed.v1";
    static final String DEMO_EMAIL = "demo@licensecentral.test";
    static final String DEMO_PASSWORD = "Backup-Explorer-Drive-26";

    private static final HttpClient http = HttpClient.newHttpClient();

    private final ObjectMapper json = new ObjectMapper();
    private final StackConfig config;
    private final Mailbox mailbox;

    DemoSeed(StackConfig config, Mailbox mailbox) {
        this.config = config;
        this.mailbox = mailbox;
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
            registerDemoAccount();
            Files.writeString(marker, Instant.now() + System.lineSeparator());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while seeding demo data");
        } catch (ExecutionException e) {
            throw new StackException("cannot publish demo purchases to " + STORE_PURCHASES + ": " + e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "seeded " + purchases.size() + " demo purchases on " + STORE_PURCHASES + " and the demo account";
    }

    /**
     * Registers the demo account as a person would: through identity-service's API, with the
     * verification code read from the mail that notification-service delivered to the mailbox.
     */
    private void registerDemoAccount() throws IOException, InterruptedException {
        String identity = "http://127.0.0.1:" + config.port("identity-service");
        post(identity + "/api/v1/accounts", Map.of("email", DEMO_EMAIL, "password", DEMO_PASSWORD), 202);
        String subject = mailbox.awaitSubject(DEMO_EMAIL, Duration.ofSeconds(60))
                .orElseThrow(() -> new StackException("the demo account's verification mail did not arrive within 60 s"));
        String code = subject.substring(subject.lastIndexOf(' ') + 1);
        post(identity + "/api/v1/accounts/verification", Map.of("email", DEMO_EMAIL, "code", code), 204);
    }

    private void post(String url, Map<String, String> body, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new StackException("seeding: " + url + " answered " + response.statusCode() + ": " + response.body());
        }
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
