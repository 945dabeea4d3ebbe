package org.licensecentral.activation.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Take a seat of the license for a machine; {@code maxActivations} is the license's, as last known
 * here. An offline activation names its service key's nonce and creation time, which the seat
 * ledger accepts once and only within a window; both are null online.
 */
public record ActivateMachineCommand(
        @TargetAggregateIdentifier String licenseId,
        String activationId,
        String fingerprint,
        String hostname,
        String productVersion,
        ActivationMode mode,
        int maxActivations,
        String serviceKeyNonce,
        Instant serviceKeyCreatedAt) {}
