package org.licensecentral.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the infrastructure alone does on this machine, measured in the same run as the benchmarks
 * they are the baselines of: the raw append rate of the PostgreSQL server that holds the event
 * stores, and a Kafka produce-and-consume round trip.
 */
final class Baselines {

    private static final String BASELINE_DATABASE = "benchmark_baseline";

    /** The event store's own schema: service-support's Flyway migration, run as it is. */
    private static final String EVENT_STORE_SCHEMA = "db/axon/V1__axon_event_and_token_store.sql";

    /** The engine's append (JdbcEventStorageEngineStatements.appendEvents), one event per statement. */
    private static final String APPEND = """
            INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,
                                          payloadrevision, payloadtype, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static String eventStoreSchema() {
        try (InputStream schema = Baselines.class.getClassLoader().getResourceAsStream(EVENT_STORE_SCHEMA)) {
            if (schema == null) {
                throw new IllegalStateException(EVENT_STORE_SCHEMA + " is not on the classpath (service-support)");
            }
            return new String(schema.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Percentiles(double p50, double p99) {

        static Percentiles of(List<Double> values) {
            List<Double> sorted = values.stream().sorted().toList();
            return new Percentiles(
                    sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1));
        }
    }

    private Baselines() {}

    /**
     * Sequential single-row inserts shaped like the engine's appends (the same columns, a JSON
     * payload of some 300 bytes, the same indexes) into a table of their own in a database of its
     * own, on the server the event stores use. Each is its own transaction (autocommit), so each
     * waits for its commit to be flushed to the write-ahead log, as the services' appends do: the
     * fastest one client could append events to that server one at a time.
     */
    static double eventStoreAppendsPerSecond(int appends) {
        try (Connection admin = EventStores.connect("postgres");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + BASELINE_DATABASE);
            statement.execute("CREATE DATABASE " + BASELINE_DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + BASELINE_DATABASE, e);
        }
        try (Connection connection = EventStores.connect(BASELINE_DATABASE);
                Statement ddl = connection.createStatement()) {
            ddl.execute(eventStoreSchema());
            try (PreparedStatement insert = connection.prepareStatement(APPEND)) {
                byte[] payload = ("{\"licenseId\":\"" + UUID.randomUUID() + "\",\"fingerprint\":\"" + "f".repeat(200)
                                + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                byte[] metadata = ("{\"traceId\":\"" + UUID.randomUUID() + "\",\"correlationId\":\"" + UUID.randomUUID()
                                + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                long started = System.nanoTime();
                for (int i = 0; i < appends; i++) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setLong(2, 0);
                    insert.setString(3, "LicenseSeats");
                    insert.setString(4, UUID.randomUUID().toString());
                    insert.setBytes(5, metadata);
                    insert.setBytes(6, payload);
                    insert.setString(7, "1");
                    insert.setString(8, EventStores.MACHINE_ACTIVATED);
                    insert.setString(9, Instant.now().toString());
                    insert.executeUpdate();
                }
                return appends / (Duration.ofNanos(System.nanoTime() - started).toNanos() / 1e9);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL insert baseline failed", e);
        }
    }

    /** Sends a record and waits until a consumer has it, {@code trips} times, one after the other. */
    static Percentiles kafkaRoundTripMillis(int trips) {
        String bootstrap = SystemStack.get().kafkaBootstrapServers();
        String topic = "benchmark.round-trip";
        TopicPartition partition = new TopicPartition(topic, 0);
        List<Double> millis = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class));
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            producer.send(new ProducerRecord<>(topic, 0, "warm-up", "{}")).get(); // creates the topic
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            for (int i = 0; i < trips; i++) {
                String key = "trip-" + i;
                long started = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, 0, key, "{\"trip\":" + i + "}"))
                        .get();
                boolean arrived = false;
                while (!arrived) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                        arrived |= key.equals(record.key());
                    }
                }
                millis.add((System.nanoTime() - started) / 1e6);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Kafka round trip baseline failed", e);
        }
        return Percentiles.of(millis);
    }
}
