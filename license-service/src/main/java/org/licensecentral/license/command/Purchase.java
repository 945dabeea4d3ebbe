package org.licensecentral.license.command;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.licensecentral.license.api.CheckPurchaseContentCommand;
import org.licensecentral.license.api.PurchaseRecordedEvent;
import org.licensecentral.license.api.RecordPurchaseCommand;

/**
 * The first content of a purchase id. Its licenses' ids derive from the purchase id, so a second
 * purchase under the same id with other content (another e-mail, more units) would otherwise merge
 * into the first and issue its extra units to the other e-mail (issue 15, finding 2). The record is
 * created once: the event store's unique (aggregate id, sequence) index lets only the first
 * creation through, also when two deliveries race.
 */
@Aggregate
public class Purchase {

    @AggregateIdentifier
    private String recordId;

    private String contentHash;

    protected Purchase() {
        // For Axon, which rebuilds the aggregate from its events.
    }

    @CommandHandler
    public Purchase(RecordPurchaseCommand command) {
        apply(new PurchaseRecordedEvent(command.recordId(), command.purchaseId(), command.contentHash()));
    }

    @CommandHandler
    void handle(CheckPurchaseContentCommand command) {
        if (!contentHash.equals(command.contentHash())) {
            throw new PurchaseConflictException(command.purchaseId());
        }
    }

    @EventSourcingHandler
    void on(PurchaseRecordedEvent event) {
        this.recordId = event.recordId();
        this.contentHash = event.contentHash();
    }

    /** The record's id, apart from the licenses' ids (all share the event store's aggregate ids). */
    public static String recordId(String purchaseId) {
        return UUID.nameUUIDFromBytes(("purchase:" + purchaseId).getBytes(UTF_8))
                .toString();
    }
}
