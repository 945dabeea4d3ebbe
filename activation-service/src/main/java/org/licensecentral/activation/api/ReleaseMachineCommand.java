package org.licensecentral.activation.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An installed product giving up its seat, with the activation key it holds (the key's activation and fingerprint). */
public record ReleaseMachineCommand(
        @TargetAggregateIdentifier String licenseId, String activationId, String fingerprint) {}
