package org.licensecentral.activation.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An installed product giving up its seat, named by its machine fingerprint. */
public record ReleaseMachineCommand(@TargetAggregateIdentifier String licenseId, String fingerprint) {
}
