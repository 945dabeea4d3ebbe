package org.licensecentral.activation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.licensecentral.activation.api.ActivateMachineCommand;
import org.licensecentral.activation.api.ActivationMode;
import org.licensecentral.activation.api.MachineActivatedEvent;
import org.licensecentral.activation.licenses.LicenseRecords;
import org.licensecentral.activation.licenses.Releases;
import org.licensecentral.testsupport.EventSchemas;
import org.licensecentral.testsupport.RealInfrastructure;
import org.licensecentral.testsupport.TestInfrastructure;
import org.licensecentral.testsupport.TestJwtIssuer;
import org.licensecentral.testsupport.TopicReader;
import org.licensecentral.testsupport.TopicWriter;
import org.licensecentral.verifier.ActivationKeyVerifier;
import org.licensecentral.verifier.DeactivationCode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Seats, signed activation keys, the portal's activations and activation.events, on the real broker and MongoDB-wire server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class ActivationIntegrationTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static TopicWriter licenseService;

    @LocalServerPort
    int port;

    @Autowired
    LicenseRecords licenses;

    @Autowired
    Releases releases;

    @Autowired
    JdbcTemplate eventStore;

    @Autowired
    CommandBus commandBus;

    @Autowired
    EventStorageEngine engine;

    @Autowired
    TransactionTemplate transactions;

    /** The catalog's releases, as license-service publishes them at its start (once per run: saved by id). */
    @BeforeEach
    void publishTheCatalogsReleases() throws Exception {
        String[][] catalog = {
            {"BACKUP", "5.1.0", "2024-03-04"},
            {"BACKUP", "5.2.0", "2025-02-10"},
            {"BACKUP", "5.3.1", "2026-05-18"},
            {"EXPLORER", "3.1.0", "2026-01-22"},
            {"DRIVE", "2.5.0", "2025-11-20"}
        };
        for (String[] release : catalog) {
            String body = "{\"productCode\":\"" + release[0] + "\",\"version\":\"" + release[1] + "\",\"releasedAt\":\""
                    + release[2] + "\"}";
            assertThat(EventSchemas.errors("org.licensecentral.license.release-published.v1", body))
                    .isEmpty();
            publish("org.licensecentral.license.release-published.v1", release[0], body);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> releases.newestCovered("BACKUP", LocalDate.parse("2027-01-01"))
                                .map(Object::toString)
                                .orElse(""),
                        "5.3.1"::equals);
    }

    @BeforeAll
    static void connect() {
        licenseService = TopicWriter.toTestBroker();
    }

    @AfterAll
    static void disconnect() {
        licenseService.close();
    }

    @Test
    void anInstalledProductActivatesOnlineAndGetsAnActivationKeyThatVerifiesWithThePublishedKey() throws Exception {
        License license = issue("BACKUP", 1);

        int pendingDeadlines = pendingDeadlines();

        HttpResponse<String> response =
                post("/api/v1/software/activations", activation(license, "fp-1", "office-pc", "5.3.1"), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(pendingDeadlines()).as("the lease's deadline, persisted").isEqualTo(pendingDeadlines + 1);
        JsonNode activated = json.readTree(response.body());
        String[] jws = activated.get("activationKey").asText().split("\\.");
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(jws[0]));
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(jws[1]));
        assertThat(header.get("alg").asText()).isEqualTo("EdDSA");
        assertThat(claims.get("licenseId").asText()).isEqualTo(license.id());
        assertThat(claims.get("fingerprint").asText()).isEqualTo("fp-1");
        assertThat(claims.get("aud").asText()).isEqualTo("BACKUP");
        assertThat(claims.get("iss").asText()).isEqualTo("license-central");
        assertThat(claims.get("sub").asText())
                .isEqualTo(activated.get("activationId").asText());
        assertThat(claims.get("maintenanceUntil").asText()).isEqualTo("2027-11-01");
        assertThat(claims.get("maxVersion").asText()).isEqualTo("5.3.1");
        assertThat(claims.get("mode").asText()).isEqualTo("ONLINE");
        // The online lease: 7 days from signing.
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong())
                .isEqualTo(Duration.ofDays(7).toSeconds());
        // As an installed product checks it: the activation-verifier with the published JWKS, its product and
        // fingerprint.
        ActivationKeyVerifier verifier = ActivationKeyVerifier.fromJwks(
                get("/api/v1/software/keys", null).body());
        String key = activated.get("activationKey").asText();
        assertThat(verifier.verify(key, expected("BACKUP", "fp-1"), Instant.now())
                        .valid())
                .isTrue();
        assertThat(verifier.verify(key, expected("BACKUP", "fp-other"), Instant.now())
                        .reason())
                .isEqualTo(ActivationKeyVerifier.Reason.WRONG_FINGERPRINT);
        assertThat(verifier.verify(key, expected("DRIVE", "fp-1"), Instant.now())
                        .reason())
                .isEqualTo(ActivationKeyVerifier.Reason.WRONG_AUDIENCE);
        assertThat(verifier.verify(
                                key, expected("BACKUP", "fp-1"), Instant.now().plus(Duration.ofDays(8)))
                        .reason())
                .isEqualTo(ActivationKeyVerifier.Reason.EXPIRED);
        ConsumerRecord<String, String> event = TopicReader.first(
                kafka(), "activation.events", r -> license.id().equals(r.key()));
        assertThat(TopicReader.header(event, "ce_type"))
                .isEqualTo("org.licensecentral.activation.machine-activated.v1");
        assertThat(EventSchemas.errors("org.licensecentral.activation.machine-activated.v1", event.value()))
                .isEmpty();
        assertThat(json.readTree(event.value()).get("activeActivations").asInt())
                .isEqualTo(1);
    }

    @Test
    void theSameMachineActivatingAgainGetsItsActivationBack() throws Exception {
        License license = issue("EXPLORER", 1);
        String first = json.readTree(
                        post("/api/v1/software/activations", activation(license, "fp-1", "pc", "3.1.0"), null)
                                .body())
                .get("activationId")
                .asText();

        HttpResponse<String> again =
                post("/api/v1/software/activations", activation(license, "fp-1", "pc", "3.1.0"), null);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).get("activationId").asText()).isEqualTo(first);
    }

    @Test
    void fiftyParallelActivationsOfDifferentMachinesOnAOneSeatLicenseGiveExactlyOne() throws Exception {
        License license = issue("DRIVE", 1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String machine = "machine-" + i;
            answers.add(pool.submit((Callable<HttpResponse<String>>) () -> post(
                    "/api/v1/software/activations", activation(license, "fp-" + machine, machine, "2.5.0"), null)));
        }
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            responses.add(answer.get());
        }
        pool.shutdown();

        List<HttpResponse<String>> won =
                responses.stream().filter(r -> r.statusCode() == 200).toList();
        assertThat(won).hasSize(1);
        String holder = json.readTree(won.get(0).body()).get("activationKey").isTextual()
                ? claim(won.get(0), "fingerprint").replace("fp-", "")
                : null;
        assertThat(responses.stream().filter(r -> r.statusCode() == 409))
                .hasSize(49)
                .allSatisfy(r -> {
                    assertThat(r.body()).contains("no-free-seat").contains(holder);
                });
    }

    @Test
    void anActivationThatLostItsLedgerToAnotherInstanceIsSentAgainAndDecidedOnTheWinnersLedger() throws Exception {
        License license = issue("DRIVE", 3);
        activate(license, "fp-first", "first", "2.5.0");
        // Another instance activates a machine of this license between this one's load of the
        // ledger and its append: the append then loses on the unique (aggregate, sequence) index.
        Raced raced = activateRacingAnotherInstance(license, "late");

        assertThat(raced.answer().statusCode()).as(raced.answer().body()).isEqualTo(200);
        assertThat(raced.sends())
                .as("the command's sends: the one that lost, the retry")
                .isEqualTo(2);
        assertThat(eventStore.queryForList(
                        "select sequencenumber from domainevententry where aggregateidentifier = ? order by 1",
                        Long.class,
                        license.id()))
                .as("first, the other instance's, then the retried one's")
                .containsExactly(0L, 1L, 2L);
        assertThat(post("/api/v1/software/activations", activation(license, "fp-fourth", "fourth", "2.5.0"), null)
                        .statusCode())
                .as("the retry counted the other instance's seat: the license is full")
                .isEqualTo(409);
    }

    @Test
    void aFirstActivationThatLostTheLedgersCreationToAnotherInstanceIsSentAgainAndTakesTheSecondSeat()
            throws Exception {
        License license = issue("DRIVE", 2);
        // Both instances find no ledger and create one; the other instance's creation commits first.
        Raced raced = activateRacingAnotherInstance(license, "late");

        assertThat(raced.answer().statusCode()).as(raced.answer().body()).isEqualTo(200);
        assertThat(raced.sends())
                .as("the creation that lost, then ActivationService's second send")
                .isEqualTo(2);
        assertThat(post("/api/v1/software/activations", activation(license, "fp-third", "third", "2.5.0"), null)
                        .statusCode())
                .as("both seats taken")
                .isEqualTo(409);
    }

    record Raced(HttpResponse<String> answer, int sends) {}

    /**
     * Activates a machine while another instance activates one ("elsewhere") on the same ledger
     * between this command's load and its append; how often the command was handled tells whether
     * it was sent again.
     */
    private Raced activateRacingAnotherInstance(License license, String hostname) throws Exception {
        AtomicInteger sends = new AtomicInteger();
        Registration race = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof ActivateMachineCommand command
                    && command.licenseId().equals(license.id())
                    && sends.incrementAndGet() == 1) {
                unitOfWork.onPrepareCommit(committing -> anotherInstanceActivates(license, "elsewhere"));
            }
            return chain.proceed();
        });
        try {
            HttpResponse<String> answer = post(
                    "/api/v1/software/activations", activation(license, "fp-" + hostname, hostname, "2.5.0"), null);
            return new Raced(answer, sends.get());
        } finally {
            race.cancel();
        }
    }

    /** The event another instance's activation appends, in a transaction of its own. */
    private void anotherInstanceActivates(License license, String hostname) {
        long next = eventStore.queryForObject(
                        "select coalesce(max(sequencenumber), -1) from domainevententry where aggregateidentifier = ?",
                        Long.class,
                        license.id())
                + 1;
        Instant now = Instant.now();
        MachineActivatedEvent activated = new MachineActivatedEvent(
                UUID.randomUUID().toString(),
                license.id(),
                "fp-" + hostname,
                hostname,
                "2.5.0",
                ActivationMode.ONLINE,
                now,
                (int) next + 1,
                now.plus(Duration.ofDays(7)),
                null);
        CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> engine.appendEvents(
                        new GenericDomainEventMessage<>("LicenseSeats", license.id(), next, activated))))
                .join();
    }

    @Test
    void aWrongEmailAnswersExactlyAsAnUnknownKey() throws Exception {
        License license = issue("BACKUP", 1);

        HttpResponse<String> wrongEmail = post(
                "/api/v1/software/activations",
                activation(new License(license.id(), license.key(), "someone-else@example.org"), "fp", "pc", "5.3"),
                null);
        HttpResponse<String> unknownKey = post(
                "/api/v1/software/activations",
                activation(new License("x", "ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ", license.email()), "fp", "pc", "5.3"),
                null);

        assertThat(wrongEmail.statusCode()).isEqualTo(403);
        assertThat(wrongEmail.body()).isEqualTo(unknownKey.body()).contains("invalid-license");
    }

    @Test
    void failedChecksOfOneKeyAreLimitedWithRetryAfter() throws Exception {
        License license = issue("BACKUP", 1);
        String wrong = activation(new License(license.id(), license.key(), "guess@example.org"), "fp", "pc", "5.3");
        for (int i = 0; i < 10; i++) {
            assertThat(post("/api/v1/software/activations", wrong, null).statusCode())
                    .isEqualTo(403);
        }

        HttpResponse<String> limited =
                post("/api/v1/software/activations", activation(license, "fp", "pc", "5.3"), null);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void guessesAtAKeysEmailFromOneAddressDoNotLockOutItsOwnerElsewhere() throws Exception {
        License license = issue("BACKUP", 1);
        String wrong = activation(new License(license.id(), license.key(), "guess@example.org"), "fp", "pc", "5.3");
        for (int i = 0; i < 12; i++) {
            post("/api/v1/software/activations", wrong, null, "198.51.100.7");
        }

        // The gateway names the client in X-Forwarded-For; Tomcat believes it from loopback only.
        HttpResponse<String> owner =
                post("/api/v1/software/activations", activation(license, "fp", "pc", "5.3"), null, "198.51.100.8");

        assertThat(owner.statusCode()).isEqualTo(200);
    }

    @Test
    void theInternalClientsTokenIsNoPortalIdentity() throws Exception {
        HttpResponse<String> response =
                get("/api/v1/activations", TestJwtIssuer.get().internalToken());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aTokenFromAnotherIssuerOrForAnotherAudienceIsRefused() throws Exception {
        TestJwtIssuer issuer = TestJwtIssuer.get();
        String otherIssuer = issuer.foreignToken(
                "http://elsewhere.example", TestJwtIssuer.PORTAL_AUDIENCE, "acc-x", "x@example.org");
        String otherAudience = issuer.foreignToken(TestJwtIssuer.ISSUER, "some-other-api", "acc-x", "x@example.org");

        assertThat(get("/api/v1/activations", otherIssuer).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/activations", otherAudience).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/activations", tokenFor("x@example.org")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void remoteManagementIsInEffectOnlyWhenAllowedAndTheVersionHonoursIt() throws Exception {
        License license = issue("BACKUP", 2);
        publish(
                "org.licensecentral.license.remote-management-toggled.v1",
                license.id(),
                "{\"licenseId\":\"" + license.id() + "\",\"allowed\":true}");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> licenses.find(license.id()).orElseThrow().remoteManagementAllowed());

        HttpResponse<String> current =
                post("/api/v1/software/activations", activation(license, "fp-new", "new", "5.3.1"), null);
        HttpResponse<String> old =
                post("/api/v1/software/activations", activation(license, "fp-old", "old", "5.1.9"), null);

        assertThat(json.readTree(current.body()).get("remoteManagement").asBoolean())
                .isTrue();
        assertThat(json.readTree(old.body()).get("remoteManagement").asBoolean())
                .isFalse();
    }

    @Test
    void aReleasedMachineNoLongerValidatesAndItsSeatIsFree() throws Exception {
        License license = issue("DRIVE", 1);
        String key =
                activate(license, "fp-1", "pc-1", "2.5.0").get("activationKey").asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> validate(license, "fp-1").get("valid").asBoolean());

        assertThat(post("/api/v1/software/activations/release", keyed(key, "fp-1"), null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(post("/api/v1/software/activations/release", keyed(key, "fp-1"), null)
                        .statusCode())
                .as("a retried release")
                .isEqualTo(204);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> validate(license, "fp-1").get("reason").asText(), "NOT_ACTIVATED"::equals);
        assertThat(post("/api/v1/software/activations", activation(license, "fp-2", "pc-2", "2.5.0"), null)
                        .statusCode())
                .isEqualTo(200);
        ConsumerRecord<String, String> released = TopicReader.first(
                kafka(),
                "activation.events",
                r -> license.id().equals(r.key())
                        && TopicReader.header(r, "ce_type").contains("deactivated"));
        assertThat(EventSchemas.errors("org.licensecentral.activation.machine-deactivated.v1", released.value()))
                .isEmpty();
        assertThat(json.readTree(released.value()).get("reason").asText()).isEqualTo("RELEASED_BY_PRODUCT");
    }

    @Test
    void thePortalListsAndDeactivatesOnlyTheCallersActivations() throws Exception {
        License mine = issue("BACKUP", 1);
        License theirs = issue("BACKUP", 1);
        String myActivation = json.readTree(
                        post("/api/v1/software/activations", activation(mine, "fp-a", "mine", "5.3"), null)
                                .body())
                .get("activationId")
                .asText();
        String theirActivation = json.readTree(
                        post("/api/v1/software/activations", activation(theirs, "fp-b", "theirs", "5.3"), null)
                                .body())
                .get("activationId")
                .asText();
        String me = tokenFor(mine.email());

        JsonNode listed = await().atMost(Duration.ofSeconds(30))
                .until(() -> json.readTree(get("/api/v1/activations", me).body()), list -> list.size() == 1);

        assertThat(listed.get(0).get("hostname").asText()).isEqualTo("mine");
        assertThat(delete("/api/v1/activations/" + theirActivation, me).statusCode())
                .isEqualTo(404);
        assertThat(delete("/api/v1/activations/" + myActivation, me).statusCode())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        json.readTree(get("/api/v1/activations", me).body()).isEmpty());
        assertThat(get("/api/v1/activations", null).statusCode()).isEqualTo(401);
    }

    @Test
    void anOfflineServiceKeyActivatesTheCallersLicenseOnly() throws Exception {
        License mine = issue("BACKUP", 1);
        License theirs = issue("BACKUP", 1);

        HttpResponse<String> activated = post(
                "/api/v1/activations/offline",
                "{\"serviceKey\":\"" + serviceKey(mine, "fp-offline") + "\"}",
                tokenFor(mine.email()));
        HttpResponse<String> notMine = post(
                "/api/v1/activations/offline",
                "{\"serviceKey\":\"" + serviceKey(theirs, "fp-offline") + "\"}",
                tokenFor(mine.email()));
        HttpResponse<String> garbage =
                post("/api/v1/activations/offline", "{\"serviceKey\":\"not-a-key\"}", tokenFor(mine.email()));

        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        assertThat(json.readTree(activated.body()).get("mode").asText()).isEqualTo("OFFLINE");
        assertThat(claim(activated, "mode")).isEqualTo("OFFLINE");
        assertThat(notMine.statusCode()).isEqualTo(403);
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("invalid-service-key");
    }

    @Test
    void aCheckInRenewsTheLeaseAndReturnsANewKey() throws Exception {
        License license = issue("BACKUP", 1);
        JsonNode activated = activate(license, "fp-1", "office-pc", "5.2.0");
        int pendingDeadlines = pendingDeadlines();

        HttpResponse<String> renewed = post(
                "/api/v1/software/activations/check-in",
                checkIn(activated.get("activationKey").asText(), "fp-1", "5.3.1"),
                null);

        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
        // The seat's one deadline moves itself when it fires: a check-in schedules nothing.
        assertThat(pendingDeadlines()).isEqualTo(pendingDeadlines);
        assertThat(json.readTree(renewed.body()).get("activationId").asText())
                .isEqualTo(activated.get("activationId").asText());
        assertThat(claim(renewed, "exp")).isGreaterThanOrEqualTo(claim(activated.toString(), "exp"));
        ConsumerRecord<String, String> event = TopicReader.first(
                kafka(),
                "activation.events",
                r -> license.id().equals(r.key())
                        && TopicReader.header(r, "ce_type").contains("checked-in"));
        assertThat(EventSchemas.errors("org.licensecentral.activation.machine-checked-in.v1", event.value()))
                .isEmpty();
        assertThat(json.readTree(event.value()).get("productVersion").asText()).isEqualTo("5.3.1");
    }

    @Test
    void aCheckInAfterThePortalDeactivatedTheMachineIsRevokedWithTheReason() throws Exception {
        License license = issue("BACKUP", 1);
        JsonNode activated = activate(license, "fp-1", "office-pc", "5.3.1");
        String me = tokenFor(license.email());
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        json.readTree(get("/api/v1/activations", me).body()).size() == 1);
        assertThat(delete("/api/v1/activations/" + activated.get("activationId").asText(), me)
                        .statusCode())
                .isEqualTo(204);

        HttpResponse<String> refused = post(
                "/api/v1/software/activations/check-in",
                checkIn(activated.get("activationKey").asText(), "fp-1", "5.3.1"),
                null);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json.readTree(refused.body()).get("type").asText()).endsWith("/activation-revoked");
        assertThat(json.readTree(refused.body()).get("reason").asText()).isEqualTo("DEACTIVATED_BY_OWNER");
    }

    @Test
    void aCheckInWithAKeyThisServiceDidNotSignIsRefused() throws Exception {
        License license = issue("BACKUP", 1);
        String key = activate(license, "fp-1", "office-pc", "5.3.1")
                .get("activationKey")
                .asText();
        String forged = key.substring(0, key.lastIndexOf('.') + 1) + "AAAA" + key.substring(key.lastIndexOf('.') + 5);

        HttpResponse<String> refused =
                post("/api/v1/software/activations/check-in", checkIn(forged, "fp-1", "5.3.1"), null);
        HttpResponse<String> otherMachine =
                post("/api/v1/software/activations/check-in", checkIn(key, "fp-2", "5.3.1"), null);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("invalid-activation-key");
        assertThat(otherMachine.statusCode()).isEqualTo(400);
        assertThat(otherMachine.body()).contains("invalid-activation-key");
    }

    @Test
    void aVersionThatIsNotOneIsA400AndTakesNoSeat() throws Exception {
        License license = issue("BACKUP", 1);

        HttpResponse<String> huge =
                post("/api/v1/software/activations", activation(license, "fp-1", "pc", "5.99999999999"), null);
        HttpResponse<String> words =
                post("/api/v1/software/activations", activation(license, "fp-1", "pc", "five"), null);

        assertThat(huge.statusCode()).as(huge.body()).isEqualTo(400);
        assertThat(huge.body()).contains("invalid-version");
        assertThat(words.statusCode()).isEqualTo(400);
        assertThat(activate(license, "fp-2", "other-pc", "5.3.1")
                        .get("activationId")
                        .asText())
                .isNotBlank();
    }

    @Test
    void aHostnameWithALineBreakIsRefusedOnlineAndOfflineAndTakesNoSeat() throws Exception {
        License license = issue("BACKUP", 1);
        String body = "{\"email\":\"" + license.email() + "\",\"licenseKey\":\"" + license.key()
                + "\",\"fingerprint\":\"fp-1\",\"hostname\":\"pc\\nSubject: free seats\",\"productVersion\":\"5.3.1\"}";
        String key = "{\"v\":1,\"email\":\"" + license.email() + "\",\"licenseKey\":\"" + license.key()
                + "\",\"fingerprint\":\"fp-2\",\"hostname\":\"pc\\r\\nBcc: x@example.org\",\"productVersion\":\"5.3.1\","
                + "\"nonce\":\"" + UUID.randomUUID() + "\",\"createdAt\":\"" + Instant.now() + "\"}";

        HttpResponse<String> online = post("/api/v1/software/activations", body, null);
        HttpResponse<String> offline = post(
                "/api/v1/activations/offline",
                "{\"serviceKey\":\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(UTF_8))
                        + "\"}",
                tokenFor(license.email()));

        assertThat(online.statusCode()).as(online.body()).isEqualTo(400);
        assertThat(online.body()).contains("control characters");
        assertThat(offline.statusCode()).as(offline.body()).isEqualTo(400);
        assertThat(offline.body()).contains("invalid-service-key");
        assertThat(activate(license, "fp-3", "clean-pc", "5.3.1")
                        .get("activationId")
                        .asText())
                .isNotBlank();
    }

    @Test
    void aBuildReleasedAfterTheMaintenanceEndedIsRefusedNamingTheNewestAllowed() throws Exception {
        License license = issue("BACKUP", 1, "2025-06-30");

        HttpResponse<String> tooNew =
                post("/api/v1/software/activations", activation(license, "fp-1", "pc", "5.3.1"), null);

        assertThat(tooNew.statusCode()).as(tooNew.body()).isEqualTo(403);
        assertThat(json.readTree(tooNew.body()).get("type").asText()).endsWith("/version-not-covered");
        assertThat(json.readTree(tooNew.body()).get("newestAllowedVersion").asText())
                .isEqualTo("5.2.0");
        assertThat(claim(activate(license, "fp-1", "pc", "5.2.0").toString(), "maxVersion"))
                .isEqualTo("5.2.0");
    }

    @Test
    void aServiceKeyIsAcceptedOnce() throws Exception {
        License license = issue("BACKUP", 1);
        String serviceKey = "{\"serviceKey\":\"" + serviceKey(license, "fp-offline") + "\"}";
        assertThat(post("/api/v1/activations/offline", serviceKey, tokenFor(license.email()))
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> replayed = post("/api/v1/activations/offline", serviceKey, tokenFor(license.email()));

        assertThat(replayed.statusCode()).isEqualTo(409);
        assertThat(replayed.body()).contains("service-key-used");
    }

    @Test
    void anOfflineSeatIsFreedByItsDeactivationCodeNotByAPlainDeactivation() throws Exception {
        License license = issue("BACKUP", 1);
        String me = tokenFor(license.email());
        HttpResponse<String> activated = post(
                "/api/v1/activations/offline", "{\"serviceKey\":\"" + serviceKey(license, "fp-offline") + "\"}", me);
        String activationId =
                json.readTree(activated.body()).get("activationId").asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        json.readTree(get("/api/v1/activations", me).body()).size() == 1);

        HttpResponse<String> plain = delete("/api/v1/activations/" + activationId, me);
        HttpResponse<String> wrong = post(
                "/api/v1/activations/" + activationId + "/offline-deactivation",
                "{\"deactivationCode\":\"0000-0000-0000-0000\"}",
                me);
        String code = DeactivationCode.of(Base64.getUrlDecoder().decode(claim(activated, "dsec")), activationId);
        HttpResponse<String> proven = post(
                "/api/v1/activations/" + activationId + "/offline-deactivation",
                "{\"deactivationCode\":\"" + code + "\"}",
                me);

        assertThat(plain.statusCode()).isEqualTo(409);
        assertThat(json.readTree(plain.body()).get("leaseEnds").asText()).isNotBlank();
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(proven.statusCode()).as(proven.body()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        json.readTree(get("/api/v1/activations", me).body()).isEmpty());
    }

    @Test
    void aLostOfflineMachineIsReleasedOnceWithinTheWindow() throws Exception {
        License license = issue("BACKUP", 2);
        String me = tokenFor(license.email());
        String first = json.readTree(post(
                                "/api/v1/activations/offline",
                                "{\"serviceKey\":\"" + serviceKey(license, "fp-lost-1") + "\"}",
                                me)
                        .body())
                .get("activationId")
                .asText();
        String second = json.readTree(post(
                                "/api/v1/activations/offline",
                                "{\"serviceKey\":\"" + serviceKey(license, "fp-lost-2") + "\"}",
                                me)
                        .body())
                .get("activationId")
                .asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        json.readTree(get("/api/v1/activations", me).body()).size() == 2);

        HttpResponse<String> released = post("/api/v1/activations/" + first + "/lost-machine-release", "", me);
        HttpResponse<String> limited = post("/api/v1/activations/" + second + "/lost-machine-release", "", me);

        assertThat(released.statusCode()).as(released.body()).isEqualTo(204);
        assertThat(limited.statusCode()).isEqualTo(409);
        assertThat(json.readTree(limited.body()).get("availableAt").asText()).isNotBlank();
    }

    @Test
    void aLongCheckInHistoryIsLoadedFromASnapshot() throws Exception {
        License license = issue("DRIVE", 1);
        String key =
                activate(license, "fp-1", "pc", "2.5.0").get("activationKey").asText();

        for (int i = 0; i < 60; i++) {
            assertThat(post("/api/v1/software/activations/check-in", checkIn(key, "fp-1", "2.5.0"), null)
                            .statusCode())
                    .isEqualTo(200);
        }

        // Snapshots are taken after the command, on Axon's snapshotter: wait for the row.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> eventStore.queryForObject(
                                "select count(*) from snapshotevententry where aggregateidentifier = ?",
                                Integer.class,
                                license.id())
                        > 0);
        Long snapshotAt = eventStore.queryForObject(
                "select max(sequencenumber) from snapshotevententry where aggregateidentifier = ?",
                Long.class,
                license.id());
        Long eventsAfter = eventStore.queryForObject(
                "select count(*) from domainevententry where aggregateidentifier = ? and sequencenumber > ?",
                Long.class,
                license.id(),
                snapshotAt);
        assertThat(eventsAfter).as("events a load reads after the snapshot").isLessThan(50);
    }

    /** Axon's deadlines waiting in db-scheduler's table of this service's database. */
    private int pendingDeadlines() {
        return eventStore.queryForObject(
                "select count(*) from scheduled_tasks where task_name = 'AxonDeadline'", Integer.class);
    }

    record License(String id, String key, String email) {}

    /** As license-service publishes a new license on license.events, and waits until this service knows it. */
    private License issue(String product, int seats) throws Exception {
        return issue(product, seats, "2027-11-01");
    }

    private License issue(String product, int seats, String maintenanceUntil) throws Exception {
        String id = UUID.randomUUID().toString();
        String key = newLicenseKey();
        String email = "owner-" + UUID.randomUUID() + "@example.org";
        String issued = "{\"licenseId\":\"" + id + "\",\"licenseKey\":\"" + key
                + "\",\"purchaseId\":\"P-1\",\"purchaseEmail\":\""
                + email + "\",\"productCode\":\"" + product + "\",\"edition\":\"Home\",\"maxActivations\":" + seats
                + ",\"purchasedAt\":\"2026-11-01T09:30:00Z\",\"maintenanceUntil\":\"" + maintenanceUntil
                + "\",\"remoteManagementSince\":"
                + (product.equals("BACKUP") ? "\"5.2\"" : "null") + "}";
        assertThat(EventSchemas.errors("org.licensecentral.license.license-issued.v1", issued))
                .isEmpty();
        publish("org.licensecentral.license.license-issued.v1", id, issued);
        await().atMost(Duration.ofSeconds(30)).until(() -> licenses.find(id).isPresent());
        return new License(id, key, email);
    }

    /** A key of license-service's form: five groups of five from its alphabet without look-alikes. */
    private static String newLicenseKey() {
        String symbols = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            key.append(i > 0 && i % 5 == 0 ? "-" : "").append(symbols.charAt(RANDOM.nextInt(symbols.length())));
        }
        return key.toString();
    }

    private void publish(String type, String licenseId, String body) {
        licenseService.send("license.events", licenseId, type, "/license-service", body);
    }

    private static String activation(License license, String fingerprint, String hostname, String version) {
        return "{\"email\":\"" + license.email() + "\",\"licenseKey\":\"" + license.key() + "\",\"fingerprint\":\""
                + fingerprint + "\",\"hostname\":\"" + hostname + "\",\"productVersion\":\"" + version + "\"}";
    }

    private static String keyed(String activationKey, String fingerprint) {
        return "{\"activationKey\":\"" + activationKey + "\",\"fingerprint\":\"" + fingerprint + "\"}";
    }

    private static String checkIn(String activationKey, String fingerprint, String version) {
        return "{\"activationKey\":\"" + activationKey + "\",\"fingerprint\":\"" + fingerprint
                + "\",\"productVersion\":\"" + version + "\"}";
    }

    private JsonNode activate(License license, String fingerprint, String hostname, String version) throws Exception {
        HttpResponse<String> response =
                post("/api/v1/software/activations", activation(license, fingerprint, hostname, version), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static ActivationKeyVerifier.Expected expected(String product, String fingerprint) {
        return new ActivationKeyVerifier.Expected(ActivationKeyVerifier.DEFAULT_ISSUER, product, fingerprint);
    }

    private static String machine(License license, String fingerprint) {
        return "{\"email\":\"" + license.email() + "\",\"licenseKey\":\"" + license.key() + "\",\"fingerprint\":\""
                + fingerprint + "\"}";
    }

    private static String serviceKey(License license, String fingerprint) {
        String body = "{\"v\":1,\"email\":\"" + license.email() + "\",\"licenseKey\":\"" + license.key()
                + "\",\"fingerprint\":\""
                + fingerprint + "\",\"hostname\":\"air-gapped\",\"productVersion\":\"5.3.1\",\"nonce\":\""
                + UUID.randomUUID()
                + "\",\"createdAt\":\"" + Instant.now() + "\"}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(body.getBytes(UTF_8));
    }

    private JsonNode validate(License license, String fingerprint) throws Exception {
        return json.readTree(post("/api/v1/software/validate", machine(license, fingerprint), null)
                .body());
    }

    private static String claim(HttpResponse<String> response, String name) throws IOException {
        return claim(response.body(), name);
    }

    private static String claim(String activatedBody, String name) throws IOException {
        String[] jws =
                json.readTree(activatedBody).get("activationKey").asText().split("\\.");
        return json.readTree(Base64.getUrlDecoder().decode(jws[1])).get(name).asText();
    }

    private static String tokenFor(String email) {
        return TestJwtIssuer.get().accountToken("acc-" + UUID.nameUUIDFromBytes(email.getBytes(UTF_8)), email, true);
    }

    private HttpResponse<String> post(String path, String body, String token) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                token);
    }

    private HttpResponse<String> post(String path, String body, String token, String forwardedFor)
            throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-For", forwardedFor)
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                token);
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)), token);
    }

    private HttpResponse<String> delete(String path, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), token);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token)
            throws IOException, InterruptedException {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String kafka() {
        return TestInfrastructure.get().kafkaBootstrapServers();
    }
}
