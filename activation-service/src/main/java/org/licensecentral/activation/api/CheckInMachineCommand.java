package org.licensecentral.activation.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An installed product renewing its lease, with the version it runs now. */
public record CheckInMachineCommand(
        @TargetAggregateIdentifier String licenseId, String activationId, String fingerprint, String productVersion) {}
