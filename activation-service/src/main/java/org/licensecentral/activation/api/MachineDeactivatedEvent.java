package org.licensecentral.activation.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * A seat was freed, and why; {@code activeActivations} counts after it. Revision 2 added
 * {@code reason} ({@code UNKNOWN} for revision 1 events).
 */
@Revision("2")
public record MachineDeactivatedEvent(
        String activationId,
        String licenseId,
        String fingerprint,
        String hostname,
        String productVersion,
        ActivationMode mode,
        Instant at,
        int activeActivations,
        DeactivationReason reason) {}
