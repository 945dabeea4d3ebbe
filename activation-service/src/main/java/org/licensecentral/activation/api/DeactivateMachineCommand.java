package org.licensecentral.activation.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner freeing a seat in the portal: at once for an online machine, which learns it at its next check-in. */
public record DeactivateMachineCommand(
        @TargetAggregateIdentifier String licenseId, String activationId) {}
