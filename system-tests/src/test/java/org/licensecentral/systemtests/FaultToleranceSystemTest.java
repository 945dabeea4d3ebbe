package org.licensecentral.systemtests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.licensecentral.systemtests.LicenseFacts.issuedLicenseIds;
import static org.licensecentral.systemtests.LicenseFacts.issuedRecords;
import static org.licensecentral.systemtests.LicenseFacts.licenses;
import static org.licensecentral.systemtests.PortalClient.expect;
import static org.licensecentral.systemtests.PortalClient.json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.licensecentral.localstack.LocalStack;
import org.licensecentral.storepurchases.StorePurchases;
import org.licensecentral.testsupport.TopicReader;
import org.licensecentral.testsupport.TopicWriter;

/**
 * Faults on purpose, on the whole stack: a service killed, the broker restarted, PostgreSQL
 * killed, consumer groups replayed, poison on every input topic, a race for one seat. Each test prints what it counted
 * ({@link Figures}); the figures and the command are in {@code docs/reliability.md}.
 */
class FaultToleranceSystemTest {

    private static final ObjectMapper mapper = new ObjectMapper();
    private static LocalStack stack;

    @BeforeAll
    static void control() {
        stack = SystemStack.control();
    }

    @Test
    void killingLicenseServiceWhilePurchasesStreamInLosesAndDuplicatesNothing() throws Exception {
        String email = Customers.newEmail("bulk");
        PortalClient customer = Customers.loggedIn(email);
        String prefix = "KILL" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        int purchases = 1000;

        try (StorePurchases store = new StorePurchases(bootstrap())) {
            for (int i = 0; i < purchases; i++) {
                store.publish(Customers.purchaseJson(prefix + "-" + String.format("%04d", i), email, 1));
                if (i == purchases / 3) {
                    stack.kill("license-service"); // kill -9, mid-stream
                }
            }
        }
        stack.restart("license-service");

        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> licenses(customer, prefix), count -> count >= purchases);
        Set<String> issued = await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> issuedLicenseIds(prefix), ids -> ids.size() >= purchases);
        long records = issuedRecords(prefix).size();
        Figures.reliability(
                "1 kill -9 license-service during 1000 purchases",
                Map.of(
                        "purchases",
                        purchases,
                        "licenses in the read model",
                        licenses(customer, prefix),
                        "distinct license-issued on license.events",
                        issued.size(),
                        "license-issued records (redeliveries included)",
                        records));

        assertThat(licenses(customer, prefix)).isEqualTo(purchases);
        assertThat(issued).hasSize(purchases);
    }

    @Test
    void restartingTheBrokerDuringActivationsLosesNoAcceptedActivation() throws Exception {
        String email = Customers.newEmail("broker");
        PortalClient customer = Customers.loggedIn(email);
        int machines = 30;
        String purchaseId = Customers.purchase(email, machines);
        List<JsonNode> rows = await().atMost(Duration.ofSeconds(60))
                .until(() -> rowsOf(customer, purchaseId), list -> list.size() == machines);

        List<String> accepted = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < machines; i++) {
            if (i == 10) {
                stack.stopKafka();
            }
            if (i == 20) {
                stack.startKafka();
            }
            HttpResponse<String> response = new PortalClient()
                    .post(
                            "/api/v1/software/activations",
                            Map.of(
                                    "email",
                                    email,
                                    "licenseKey",
                                    rows.get(i).path("licenseKey").asText(),
                                    "fingerprint",
                                    "fp-" + UUID.randomUUID(),
                                    "hostname",
                                    "broker-" + i,
                                    "productVersion",
                                    "5.3.0"));
            if (response.statusCode() == 200) {
                accepted.add(json(response).path("activationId").asText());
            } else {
                refused++;
            }
        }

        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    List<String> listed = new ArrayList<>();
                    json(customer.get("/api/v1/activations"))
                            .forEach(row -> listed.add(row.path("id").asText()));
                    assertThat(listed).containsAll(accepted);
                    assertThat(rowsOf(customer, purchaseId).stream()
                                    .filter(row -> row.path("status").asText().equals("ACTIVATED")))
                            .hasSize(accepted.size());
                });
        Figures.reliability(
                "2 broker stopped and started during 30 activations",
                Map.of(
                        "activations sent",
                        machines,
                        "accepted",
                        accepted.size(),
                        "refused",
                        refused,
                        "accepted and in activation-service's list",
                        accepted.size(),
                        "licenses ACTIVATED in license-service",
                        accepted.size()));
    }

    @Test
    void killingPostgresDuringPurchasesAndActivationsLosesNothingAndHoldsEverySeat() throws Exception {
        String email = Customers.newEmail("postgres");
        PortalClient customer = Customers.loggedIn(email);
        int seats = 20;
        String seatsPurchase = Customers.purchase(email, seats); // 20 licenses of one seat each
        List<JsonNode> rows = await().atMost(Duration.ofSeconds(60))
                .until(() -> rowsOf(customer, seatsPurchase), list -> list.size() == seats);
        String prefix = "PGKILL" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        int purchases = 300;
        Map<String, List<String>> acceptedByLicense = new TreeMap<>();
        Map<Integer, Long> byStatus = new TreeMap<>();
        ExecutorService machines = Executors.newFixedThreadPool(8);
        try (StorePurchases store = new StorePurchases(bootstrap())) {
            // Before the kill: the first machine on licenses 0-9.
            publish(store, prefix, email, 0, 100);
            activate(machines, email, rows, 0, 10, "first", acceptedByLicense, byStatus);
            stack.killPostgres(); // kill -9 of the postmaster, mid-stream
            try {
                // While it is down: more purchases, the first machine on licenses 10-19, a second machine on 0-4.
                publish(store, prefix, email, 100, 200);
                activate(machines, email, rows, 10, 20, "first", acceptedByLicense, byStatus);
                activate(machines, email, rows, 0, 5, "second", acceptedByLicense, byStatus);
                Thread.sleep(3_000);
            } finally {
                stack.startPostgres(); // the other tests share this stack
            }
            // After it is back: the rest of the purchases, a third machine on every license.
            publish(store, prefix, email, 200, purchases);
            activate(machines, email, rows, 0, seats, "third", acceptedByLicense, byStatus);
        } finally {
            machines.shutdown();
        }

        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> licenses(customer, prefix), count -> count >= purchases);
        Set<String> issued = await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> issuedLicenseIds(prefix), ids -> ids.size() >= purchases);
        List<String> accepted =
                acceptedByLicense.values().stream().flatMap(List::stream).toList();
        Map<String, Long> listedByLicense = new TreeMap<>();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    List<String> listed = new ArrayList<>();
                    listedByLicense.clear();
                    json(customer.get("/api/v1/activations")).forEach(row -> {
                        listed.add(row.path("id").asText());
                        listedByLicense.merge(row.path("licenseKey").asText(), 1L, Long::sum);
                    });
                    assertThat(listed).containsAll(accepted);
                    // An activation the product stopped waiting for may still have been recorded: count what is listed.
                    assertThat(rowsOf(customer, seatsPurchase).stream()
                                    .filter(row -> row.path("status").asText().equals("ACTIVATED")))
                            .hasSize(listedByLicense.size());
                });
        Figures.reliability(
                "7 kill -9 PostgreSQL during 300 purchases and 45 activations",
                Map.of(
                        "purchases",
                        purchases,
                        "licenses in the read model",
                        licenses(customer, prefix),
                        "distinct license-issued on license.events",
                        issued.size(),
                        "license-issued records (redeliveries included)",
                        issuedRecords(prefix).size(),
                        "activation answers by status (0: none in 30 s)",
                        byStatus,
                        "accepted activations, all listed",
                        accepted.size(),
                        "licenses with more than one machine listed",
                        listedByLicense.values().stream()
                                .filter(count -> count > 1)
                                .count()));

        assertThat(licenses(customer, prefix)).isEqualTo(purchases);
        assertThat(issued).hasSize(purchases);
        assertThat(listedByLicense)
                .as("one seat each")
                .hasSize(seats)
                .allSatisfy((key, count) -> assertThat(count).isEqualTo(1));
    }

    private static void publish(StorePurchases store, String prefix, String email, int from, int to)
            throws InterruptedException {
        for (int i = from; i < to; i++) {
            store.publish(Customers.purchaseJson(prefix + "-" + String.format("%04d", i), email, 1));
        }
    }

    /** One machine (named {@code machine}) tries each license of rows {@code from} to {@code to}, in parallel. */
    private static void activate(
            ExecutorService machines,
            String email,
            List<JsonNode> rows,
            int from,
            int to,
            String machine,
            Map<String, List<String>> acceptedByLicense,
            Map<Integer, Long> byStatus)
            throws Exception {
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String licenseKey = rows.get(i).path("licenseKey").asText();
            answers.add(machines.submit(() -> new PortalClient()
                    .post(
                            "/api/v1/software/activations",
                            Map.of(
                                    "email",
                                    email,
                                    "licenseKey",
                                    licenseKey,
                                    "fingerprint",
                                    "fp-" + machine + "-" + licenseKey,
                                    "hostname",
                                    machine,
                                    "productVersion",
                                    "5.3.0"))));
        }
        for (int i = from; i < to; i++) {
            HttpResponse<String> answer;
            try {
                answer = answers.get(i - from).get();
            } catch (ExecutionException noAnswerInTime) {
                // The product gives up after the client's timeout; the seat must not be taken then either.
                synchronized (byStatus) {
                    byStatus.merge(0, 1L, Long::sum);
                }
                continue;
            }
            synchronized (byStatus) {
                byStatus.merge(answer.statusCode(), 1L, Long::sum);
                if (answer.statusCode() == 200) {
                    acceptedByLicense
                            .computeIfAbsent(rows.get(i).path("licenseKey").asText(), key -> new ArrayList<>())
                            .add(json(answer).path("activationId").asText());
                }
            }
        }
    }

    @Test
    void replayingEveryConsumerGroupFromTheStartSendsNoSecondMailAndChangesNoReadModel() throws Exception {
        Activated activated = aCustomerActivatesAMachine("replay");
        PortalClient customer = activated.customer();
        JsonNode license = activated.license();
        Thread.sleep(2_000); // let the last consumers commit
        Map<String, String> before = readModels(customer, license.path("id").asText());
        int mailsBefore = stack.mailsAccepted();

        Map<String, List<String>> groups = Map.of(
                "license-service", List.of("store.purchases", "activation.events"),
                "activation-service", List.of("license.events"),
                "notification-service", List.of("notification.requests", "license.events", "activation.events"));
        groups.keySet().parallelStream().forEach(service -> stack.stopService(service));
        long replayed;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            replayed = 0;
            for (Map.Entry<String, List<String>> group : groups.entrySet()) {
                replayed += rewind(admin, group.getKey(), group.getValue());
            }
            groups.keySet().parallelStream().forEach(service -> stack.restart(service));
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> groups.keySet().stream().allMatch(group -> lag(admin, group) == 0));
        }
        Thread.sleep(5_000); // a second mail would be on its way by now
        Map<String, String> after = readModels(customer, license.path("id").asText());
        int mailsAfter = stack.mailsAccepted();
        Figures.reliability(
                "3 every consumer group rewound to the start",
                Map.of(
                        "records replayed",
                        replayed,
                        "mails before",
                        mailsBefore,
                        "mails after",
                        mailsAfter,
                        "read models compared",
                        before.size(),
                        "read models changed",
                        before.keySet().stream()
                                .filter(key -> !before.get(key).equals(after.get(key)))
                                .count()));

        assertThat(mailsAfter).isEqualTo(mailsBefore);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aPoisonMessageOnEveryInputTopicIsDeadLetteredAndProcessingGoesOn() throws Exception {
        Map<String, List<String>> consumers = new LinkedHashMap<>();
        consumers.put("store.purchases", List.of("license-service"));
        consumers.put("activation.events", List.of("license-service", "notification-service"));
        consumers.put("license.events", List.of("activation-service", "notification-service"));
        consumers.put("notification.requests", List.of("notification-service"));
        Map<String, String> poisonKeys = new HashMap<>();
        try (TopicWriter writer = new TopicWriter(bootstrap())) {
            for (String topic : consumers.keySet()) {
                String key = "poison-" + UUID.randomUUID();
                ProducerRecord<String, String> poison = new ProducerRecord<>(topic, key, "{\"this is\": not JSON");
                poison.headers().add("ce_id", key.getBytes(UTF_8));
                writer.sendRecord(poison);
                poisonKeys.put(topic, key);
            }
        }

        // Each consumer group put the poison in its dead-letter topic...
        int deadLettered = 0;
        for (Map.Entry<String, List<String>> topic : consumers.entrySet()) {
            for (String group : topic.getValue()) {
                String key = poisonKeys.get(topic.getKey());
                TopicReader.first(
                        bootstrap(), "error." + topic.getKey() + "." + group, record -> key.equals(record.key()));
                deadLettered++;
            }
        }
        // ...and went on: a new customer's verification mail (notification.requests), purchase
        // (store.purchases), activation (license.events into activation-service), its status
        // (activation.events into license-service) and its mail (both event topics into notification-service).
        aCustomerActivatesAMachine("after-poison");
        Figures.reliability(
                "4 poison on every input topic",
                Map.of(
                        "topics",
                        consumers.size(),
                        "consumer groups",
                        deadLettered,
                        "poison records dead-lettered",
                        deadLettered,
                        "processing after the poison",
                        "purchase, activation, status and mails all through"));
    }

    @Test
    void fiftyParallelActivationsOfAOneSeatLicenseGiveExactlyOne() throws Exception {
        String email = Customers.newEmail("race");
        PortalClient customer = Customers.loggedIn(email);
        String purchaseId = Customers.purchase(email);
        JsonNode license = Customers.awaitLicense(customer, purchaseId);
        // Straight to activation-service: through the gateway the per-key rate limit would turn most
        // of the 50 away before they could race for the seat.
        URI activations = URI.create(
                "http://127.0.0.1:" + SystemStack.get().port("activation-service") + "/api/v1/software/activations");
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String body = mapper.writeValueAsString(Map.of(
                    "email",
                    email,
                    "licenseKey",
                    license.path("licenseKey").asText(),
                    "fingerprint",
                    "fp-race-" + i,
                    "hostname",
                    "race-" + i,
                    "productVersion",
                    "5.3.0"));
            answers.add(pool.submit(() -> {
                start.await();
                return http.send(
                                HttpRequest.newBuilder(activations)
                                        .timeout(Duration.ofSeconds(30))
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            }));
        }
        start.countDown();
        Map<Integer, Long> byStatus = new TreeMap<>();
        for (Future<Integer> answer : answers) {
            byStatus.merge(answer.get(), 1L, Long::sum);
        }
        pool.shutdown();
        int listed = await().atMost(Duration.ofSeconds(30))
                .until(() -> json(customer.get("/api/v1/activations")).size(), count -> count >= 1);
        Figures.reliability(
                "6 fifty parallel activations, one seat",
                Map.of("answers by status", byStatus, "activations listed", listed));

        assertThat(byStatus).containsEntry(200, 1L).containsEntry(409, 49L);
        assertThat(listed).isEqualTo(1);
    }

    private record Activated(PortalClient customer, JsonNode license) {}

    /**
     * A new customer buys a license and activates a machine, and every service has taken it in:
     * the verification mail, the license, the activation, license-service's status and the
     * activation mail. Returns once all of that is visible.
     */
    private static Activated aCustomerActivatesAMachine(String who) {
        String email = Customers.newEmail(who);
        PortalClient customer = Customers.loggedIn(email);
        String purchaseId = Customers.purchase(email);
        JsonNode license = Customers.awaitLicense(customer, purchaseId);
        expect(
                new PortalClient()
                        .post(
                                "/api/v1/software/activations",
                                Map.of(
                                        "email",
                                        email,
                                        "licenseKey",
                                        license.path("licenseKey").asText(),
                                        "fingerprint",
                                        "fp-" + who,
                                        "hostname",
                                        who,
                                        "productVersion",
                                        "5.3.0")),
                200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> rowsOf(customer, purchaseId).get(0).path("status").asText(), "ACTIVATED"::equals);
        await().atMost(Duration.ofSeconds(30)).until(() -> new Inbox(email).count("A machine was activated") == 1);
        return new Activated(customer, license);
    }

    private static String bootstrap() {
        return SystemStack.get().kafkaBootstrapServers();
    }

    private static List<JsonNode> rowsOf(PortalClient customer, String purchaseId) {
        List<JsonNode> rows = new ArrayList<>();
        json(expect(customer.get("/api/v1/licenses?size=100&q=" + purchaseId), 200))
                .path("items")
                .forEach(rows::add);
        return rows;
    }

    /** What the customer sees, as text: the license list, the license's summary, the activations. */
    private static Map<String, String> readModels(PortalClient customer, String licenseId) {
        return Map.of(
                "licenses", expect(customer.get("/api/v1/licenses"), 200).body(),
                "summary",
                        expect(customer.get("/api/v1/licenses/" + licenseId), 200)
                                .body(),
                "activations", expect(customer.get("/api/v1/activations"), 200).body());
    }

    /** Sets the group's committed offsets back to the start of its topics; returns how many records it will see again. */
    private static long rewind(Admin admin, String group, List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (var description :
                admin.describeTopics(topics).allTopicNames().get().values()) {
            description.partitions().forEach(partition -> {
                TopicPartition tp = new TopicPartition(description.name(), partition.partition());
                earliest.put(tp, OffsetSpec.earliest());
                latest.put(tp, OffsetSpec.latest());
            });
        }
        var starts = admin.listOffsets(earliest).all().get();
        var ends = admin.listOffsets(latest).all().get();
        Map<TopicPartition, OffsetAndMetadata> rewound = new HashMap<>();
        starts.forEach((tp, info) -> rewound.put(tp, new OffsetAndMetadata(info.offset())));
        admin.alterConsumerGroupOffsets(group, rewound).all().get();
        return ends.entrySet().stream()
                .mapToLong(end ->
                        end.getValue().offset() - starts.get(end.getKey()).offset())
                .sum();
    }

    /** Records the group has not committed yet, over every partition it consumes. */
    private static long lag(Admin admin, String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            Map<TopicPartition, OffsetSpec> latest =
                    committed.keySet().stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            return committed.entrySet().stream()
                    .mapToLong(entry ->
                            ends.get(entry.getKey()).offset() - entry.getValue().offset())
                    .sum();
        } catch (Exception e) {
            return Long.MAX_VALUE;
        }
    }
}
