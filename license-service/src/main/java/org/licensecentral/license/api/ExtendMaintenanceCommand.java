package org.licensecentral.license.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A renewal bought in the store: {@code renewalId} names the purchase item, so it applies once. */
public record ExtendMaintenanceCommand(
        @TargetAggregateIdentifier String licenseId, String renewalId, int months, LocalDate purchasedOn) {}
