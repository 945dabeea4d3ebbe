package org.licensecentral.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.licensecentral.storepurchases.StorePurchases;
import org.licensecentral.testsupport.TopicReader;

/**
 * The benchmarks' data, put in through the system's own inputs: web store purchases on
 * {@code store.purchases}, read back as {@code license-issued} facts from {@code license.events}.
 */
final class BenchmarkData {

    record Issued(String licenseId, String licenseKey) {}

    private static final ObjectMapper mapper = new ObjectMapper();
    private static final int UNITS_PER_PURCHASE = 1000;
    /**
     * Seats of each license: the 8-caller phases activate every license of their range this many
     * times (machines of their own), so that a faster store cannot run them out of licenses.
     */
    static final int SEATS = 3;

    private BenchmarkData() {}

    /** Buys {@code licenses} licenses for the address and waits until license-service has issued them all. */
    static List<Issued> seed(String email, int licenses, String purchasePrefix) throws InterruptedException {
        try (StorePurchases store = new StorePurchases(SystemStack.get().kafkaBootstrapServers())) {
            for (int bought = 0, n = 0; bought < licenses; bought += UNITS_PER_PURCHASE, n++) {
                ObjectNode purchase = (ObjectNode) Customers.purchaseJson(
                        purchasePrefix + "-" + n, email, Math.min(UNITS_PER_PURCHASE, licenses - bought));
                ((ObjectNode) purchase.get("items").get(0)).put("seats", SEATS);
                store.publish(purchase);
            }
        }
        long started = System.nanoTime();
        List<Issued> issued = await().atMost(Duration.ofMinutes(20))
                .pollInterval(Duration.ofSeconds(5))
                .until(() -> issued(purchasePrefix), list -> list.size() >= licenses);
        System.out.printf(
                "BENCHMARK seeded %d licenses for %s in %d s%n",
                issued.size(),
                email,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        return issued;
    }

    /** Waits until activation-service's view of license.events has caught up with the last license. */
    static void awaitActivationServiceKnows(String email, Issued last) {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI validate = URI.create(SystemStack.gateway() + "/api/v1/software/validate");
        await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    String body = mapper.writeValueAsString(
                            Map.of("email", email, "licenseKey", last.licenseKey(), "fingerprint", "not-activated"));
                    HttpResponse<String> answer = http.send(
                            HttpRequest.newBuilder(validate)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    return answer.statusCode() == 200
                            && mapper.readTree(answer.body())
                                    .path("reason")
                                    .asText()
                                    .equals("NOT_ACTIVATED");
                });
    }

    /**
     * Waits until every consumer group has read every topic to its end, so that the baselines and
     * the phases after the seeding do not share the machine with the services still digesting
     * 10,000 new licenses (notification-service was the last). Returns how long that took.
     */
    static Duration awaitConsumersCaughtUp() {
        long started = System.nanoTime();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SystemStack.get().kafkaBootstrapServers()))) {
            await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> lag(admin) == 0);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static long lag(Admin admin) throws Exception {
        long lag = 0;
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            if (group.groupId().startsWith("topic-reader-")) {
                continue; // the tests' own one-off readers, not the system's consumers
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                    admin.listOffsets(latest).all().get();
            for (Map.Entry<TopicPartition, OffsetAndMetadata> offset : committed.entrySet()) {
                lag += ends.get(offset.getKey()).offset() - offset.getValue().offset();
            }
        }
        return lag;
    }

    private static List<Issued> issued(String purchasePrefix) {
        List<Issued> issued = new ArrayList<>();
        TopicReader.readAll(SystemStack.get().kafkaBootstrapServers(), "license.events").stream()
                .filter(record ->
                        "org.licensecentral.license.license-issued.v1".equals(TopicReader.header(record, "ce_type")))
                .filter(record -> record.value().contains("\"purchaseId\":\"" + purchasePrefix + "-"))
                .map(record -> read(record.value()))
                .forEach(fact -> issued.add(new Issued(
                        fact.path("licenseId").asText(), fact.path("licenseKey").asText())));
        return issued.stream().distinct().toList();
    }

    private static JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
