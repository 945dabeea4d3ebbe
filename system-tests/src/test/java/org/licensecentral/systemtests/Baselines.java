package org.licensecentral.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * What the infrastructure alone does on this machine, measured in the same run as the benchmarks
 * they are the baselines of: the raw append rate of the MongoDB-wire server, and a Kafka
 * produce-and-consume round trip.
 */
final class Baselines {

    record Percentiles(double p50, double p99) {

        static Percentiles of(List<Double> values) {
            List<Double> sorted = values.stream().sorted().toList();
            return new Percentiles(sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1));
        }
    }

    private Baselines() {
    }

    /**
     * Sequential inserts of documents shaped like Axon's domain events (aggregate id, sequence
     * number, type, a JSON payload of some 300 bytes, timestamp) under the same unique index,
     * into the same server the services use: the fastest an event store on it could append.
     */
    static double eventStoreAppendsPerSecond(int appends) {
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + SystemStack.get().port("mongodb"))) {
            MongoCollection<Document> events = client.getDatabase("benchmark-baseline").getCollection("domainevents");
            events.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"), new IndexOptions().unique(true));
            String payload = "{\"licenseId\":\"" + UUID.randomUUID() + "\",\"fingerprint\":\"" + "f".repeat(200) + "\"}";
            long started = System.nanoTime();
            for (int i = 0; i < appends; i++) {
                events.insertOne(new Document("aggregateIdentifier", UUID.randomUUID().toString())
                        .append("sequenceNumber", 0L).append("type", "LicenseSeats")
                        .append("payloadType", "MachineActivatedEvent").append("payload", payload)
                        .append("timeStamp", java.time.Instant.now().toString()));
            }
            return appends / (Duration.ofNanos(System.nanoTime() - started).toNanos() / 1e9);
        }
    }

    /** Sends a record and waits until a consumer has it, {@code trips} times, one after the other. */
    static Percentiles kafkaRoundTripMillis(int trips) {
        String bootstrap = SystemStack.get().kafkaBootstrapServers();
        String topic = "benchmark.round-trip";
        TopicPartition partition = new TopicPartition(topic, 0);
        List<Double> millis = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            producer.send(new ProducerRecord<>(topic, 0, "warm-up", "{}")).get();   // creates the topic
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            for (int i = 0; i < trips; i++) {
                String key = "trip-" + i;
                long started = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, 0, key, "{\"trip\":" + i + "}")).get();
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
