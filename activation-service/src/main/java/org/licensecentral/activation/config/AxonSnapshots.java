package org.licensecentral.activation.config;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.licensecentral.activation.command.LedgerProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every check-in appends to its license's seat ledger, so a ledger's history grows with time, not
 * with its seats: a snapshot after every {@code licensecentral.activation.ledger.snapshot-every} events
 * keeps a load to the snapshot and the events after it.
 */
@Configuration(proxyBeanMethods = false)
public class AxonSnapshots {

    @Bean
    SnapshotTriggerDefinition licenseSeatsSnapshotTrigger(Snapshotter snapshotter, LedgerProperties ledger) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, ledger.snapshotEvery());
    }
}
