package org.licensecentral.activation.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The owner freeing an offline machine's seat without a proof (the machine is lost); a limited number of times. */
public record ReleaseLostMachineCommand(
        @TargetAggregateIdentifier String licenseId, String activationId) {}
