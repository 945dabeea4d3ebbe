package org.licensecentral.activation.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a seat of the license for a machine; {@code maxActivations} is the license's, as last known here. */
public record ActivateMachineCommand(
        @TargetAggregateIdentifier String licenseId,
        String activationId,
        String fingerprint,
        String hostname,
        String productVersion,
        ActivationMode mode,
        int maxActivations) {
}
