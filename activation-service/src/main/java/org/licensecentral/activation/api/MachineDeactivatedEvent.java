package org.licensecentral.activation.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** Published as {@code org.licensecentral.activation.machine-deactivated.v1}; {@code activeActivations} counts after it. */
@Revision("1")
public record MachineDeactivatedEvent(
        String activationId,
        String licenseId,
        String fingerprint,
        String hostname,
        String productVersion,
        ActivationMode mode,
        Instant at,
        int activeActivations) {
}
