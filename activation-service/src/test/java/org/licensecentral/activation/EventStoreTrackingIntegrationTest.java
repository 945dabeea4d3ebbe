package org.licensecentral.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.licensecentral.testsupport.RealInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event store as every service configures it: Axon's JDBC engine on PostgreSQL. An event's
 * global index is taken when it is inserted, but it becomes readable only when its transaction
 * commits, so a slow transaction can commit after a later index was already read. Axon's
 * gap-aware token remembers the index it skipped and reads it once it is there: no event is lost
 * and none is read twice. (On the MongoDB store this was a timestamp window that lost activations
 * under load.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class EventStoreTrackingIntegrationTest {

    @Autowired
    EventStorageEngine engine;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void anEventCommittedAfterALaterOneStillReachesTheTrackingProcessorsOnce() throws Exception {
        String late = "late-" + UUID.randomUUID();
        String newer = "newer-" + UUID.randomUUID();
        CountDownLatch lateInserted = new CountDownLatch(1);
        CountDownLatch commitLate = new CountDownLatch(1);
        CompletableFuture<Void> lateTransaction =
                CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
                    engine.appendEvents(event(late));
                    lateInserted.countDown();
                    await(commitLate);
                }));
        await(lateInserted);
        engine.appendEvents(event(newer)); // a higher global index, committed first

        TrackingToken afterNewer = engine.readEvents(null, false)
                .filter(event -> newer.equals(payload(event)))
                .findFirst()
                .orElseThrow()
                .trackingToken();
        assertThat(((GapAwareTrackingToken) afterNewer).getGaps())
                .as("the late event's index is a gap")
                .isNotEmpty();

        commitLate.countDown();
        lateTransaction.get(10, TimeUnit.SECONDS);

        List<String> next = engine.readEvents(afterNewer, false)
                .map(EventStoreTrackingIntegrationTest::payload)
                .toList();
        assertThat(next).containsOnlyOnce(late).doesNotContain(newer);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String payload(TrackedEventMessage<?> event) {
        return event.getPayloadType() == String.class ? (String) event.getPayload() : null;
    }

    @Test
    void aSecondAppendOfOneSequenceNumberIsAConflictTheServicesRetryNotAStoreFailure() {
        String aggregate = "conflict-" + UUID.randomUUID();
        engine.appendEvents(event(aggregate, 0, "first"));
        engine.appendEvents(event(aggregate, 1, "second"));

        // PostgreSQL says 23505 on a plain SQLException; Axon's default resolver missed it, so two
        // nodes deciding on one seat at once met an EventStoreException instead of a retry.
        assertThatThrownBy(() -> engine.appendEvents(event(aggregate, 0, "creation again")))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThatThrownBy(() -> engine.appendEvents(event(aggregate, 1, "same sequence")))
                .isInstanceOf(ConcurrencyException.class);
    }

    private static GenericDomainEventMessage<String> event(String payload) {
        return event(UUID.randomUUID().toString(), 0, payload);
    }

    private static GenericDomainEventMessage<String> event(String aggregate, long sequence, String payload) {
        return new GenericDomainEventMessage<>(
                "Test",
                aggregate,
                sequence,
                payload,
                Map.of(),
                UUID.randomUUID().toString(),
                Instant.now());
    }
}
