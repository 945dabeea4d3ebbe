package org.licensecentral.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.licensecentral.testsupport.RealInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The event store as every service configures it (service-support's {@code AxonMongoAutoConfiguration}).
 * An event's timestamp is taken when an aggregate applies it; the event becomes readable only when
 * its unit of work commits; and the tracking processors (projections and outboxes) find new events
 * by timestamp, looking back a fixed time behind the newest event they have read. In the benchmark
 * at 100 activations per second, one activation committed 1.7 s after it was applied, after newer
 * ones had been read: with Axon's default look-back of one second, the outbox never published it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class EventStoreTrackingIntegrationTest {

    @Autowired
    EventStorageEngine engine;

    @Test
    void anEventCommittedSecondsAfterANewerOneStillReachesTheTrackingProcessors() {
        String newer = "newer-" + UUID.randomUUID();
        String late = "late-" + UUID.randomUUID();
        Instant now = Instant.now();
        engine.appendEvents(event(newer, now));
        TrackingToken afterNewer = engine.readEvents(null, false)
                .filter(event -> newer.equals(payload(event)))
                .findFirst().orElseThrow().trackingToken();

        // Applied five seconds before the newer one, committed only after a processor had read that one.
        engine.appendEvents(event(late, now.minusSeconds(5)));

        List<String> next = engine.readEvents(afterNewer, false).map(EventStoreTrackingIntegrationTest::payload).toList();
        assertThat(next).contains(late).doesNotContain(newer);
    }

    private static String payload(TrackedEventMessage<?> event) {
        return event.getPayloadType() == String.class ? (String) event.getPayload() : null;
    }

    private static GenericDomainEventMessage<String> event(String payload, Instant timestamp) {
        return new GenericDomainEventMessage<>("Test", UUID.randomUUID().toString(), 0, payload, Map.of(),
                UUID.randomUUID().toString(), timestamp);
    }
}
