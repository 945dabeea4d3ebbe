package org.licensecentral.license.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.licensecentral.license.api.IssueLicenseCommand;
import org.licensecentral.license.api.LicenseIssuedEvent;

/** One license: one unit of a purchased product, with its own key, seats and maintenance. */
@Aggregate
public class License {

    @AggregateIdentifier
    private String licenseId;

    protected License() {
        // For Axon, which rebuilds the aggregate from its events.
    }

    @CommandHandler
    public License(IssueLicenseCommand command) {
        if (command.maxActivations() < 1) {
            throw new IllegalArgumentException("a license allows at least one activation");
        }
        if (command.maintenanceUntil().isBefore(LocalDate.ofInstant(command.purchasedAt(), ZoneOffset.UTC))) {
            throw new IllegalArgumentException("maintenance cannot end before the purchase");
        }
        apply(new LicenseIssuedEvent(command.licenseId(), command.licenseKey(), command.purchaseId(),
                command.purchaseEmail(), command.productCode(), command.edition(), command.maxActivations(),
                command.purchasedAt(), command.maintenanceUntil()));
    }

    @EventSourcingHandler
    void on(LicenseIssuedEvent event) {
        this.licenseId = event.licenseId();
    }
}
