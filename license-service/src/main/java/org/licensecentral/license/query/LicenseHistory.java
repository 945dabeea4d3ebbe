package org.licensecentral.license.query;

import java.time.Instant;
import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import org.springframework.stereotype.Component;

/**
 * A license's history: its own events, read from the event store, which is the complete record of
 * it (the read model keeps only the latest state). A read, so it belongs to the query side; the
 * portal API itself never touches the event store.
 */
@Component
public class LicenseHistory {

    /** One event, named without its {@code Event} suffix ({@code LicenseIssued}). */
    public record Entry(long sequence, String event, Instant at) {}

    private final EventStore eventStore;

    public LicenseHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Oldest first; the caller has checked that the license is the account's. */
    public List<Entry> of(String licenseId) {
        return eventStore
                .readEvents(licenseId)
                .asStream()
                .map(LicenseHistory::entry)
                .toList();
    }

    private static Entry entry(DomainEventMessage<?> event) {
        String name = event.getPayloadType().getSimpleName().replaceFirst("Event$", "");
        return new Entry(event.getSequenceNumber(), name, event.getTimestamp());
    }
}
