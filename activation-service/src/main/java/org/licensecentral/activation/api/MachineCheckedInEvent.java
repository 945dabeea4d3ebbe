package org.licensecentral.activation.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * A machine holding a seat renewed its lease until {@code leaseEnds}: by a check-in, or by
 * activating again (then with the mode and, offline, the service key's nonce of that request).
 */
@Revision("1")
public record MachineCheckedInEvent(
        String activationId,
        String licenseId,
        String fingerprint,
        String productVersion,
        ActivationMode mode,
        Instant at,
        int activeActivations,
        Instant leaseEnds,
        String serviceKeyNonce) {}
