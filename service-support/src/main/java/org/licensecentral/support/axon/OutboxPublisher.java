package org.licensecentral.support.axon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.licensecentral.support.messaging.CloudEventsPublisher;

/**
 * Publishes from an Axon event handler with the event store as the outbox. A tracking processor
 * handles a batch of events in one unit of work and stores its token when that unit commits. Each
 * publish here is an asynchronous send; the unit of work waits, before it commits, until the
 * broker acknowledged every send of the batch, and rolls back (token and all) if one failed, so
 * the processor handles the batch again. A batch thus costs one broker round trip instead of one
 * per event; a retried batch sends some records twice, and consumers deduplicate on {@code ce_id}.
 *
 * <p>Outside a unit of work (a test calling a handler directly) a publish waits for its own
 * acknowledgement.
 */
public class OutboxPublisher {

    private static final String PENDING_SENDS = OutboxPublisher.class.getName() + ".pendingSends";

    private final CloudEventsPublisher publisher;

    public OutboxPublisher(CloudEventsPublisher publisher) {
        this.publisher = publisher;
    }

    /** As {@link CloudEventsPublisher#send}, acknowledged before the current unit of work commits. */
    public void publish(String binding, String id, String type, String key, Instant time, Object payload) {
        CompletableFuture<?> acknowledged = publisher.send(binding, id, type, key, time, payload);
        if (!CurrentUnitOfWork.isStarted()) {
            publisher.await(acknowledged);
            return;
        }
        pendingSends(CurrentUnitOfWork.get().root()).add(acknowledged);
    }

    private List<CompletableFuture<?>> pendingSends(UnitOfWork<?> unitOfWork) {
        return unitOfWork.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            unitOfWork.onPrepareCommit(
                    committing -> publisher.await(CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))));
            return sends;
        });
    }
}
