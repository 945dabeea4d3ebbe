package org.licensecentral.activation.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeactivateMachineCommand(@TargetAggregateIdentifier String licenseId, String activationId) {
}
