package org.licensecentral.activation.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner freeing an offline machine's seat with the deactivation code the machine printed when it removed its key. */
public record DeactivateOfflineMachineCommand(
        @TargetAggregateIdentifier String licenseId, String activationId, String deactivationCode) {}
