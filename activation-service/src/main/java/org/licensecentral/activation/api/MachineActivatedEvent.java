package org.licensecentral.activation.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/**
 * A machine took a seat, with a lease until {@code leaseEnds}; {@code activeActivations} counts
 * after this one. Revision 2 added {@code leaseEnds} and {@code serviceKeyNonce} (null in
 * revision 1 events: those activations hold their seat until their first check-in gives them a
 * lease, see {@code ActivationEventUpcasters}).
 */
@Revision("2")
public record MachineActivatedEvent(
        String activationId,
        String licenseId,
        String fingerprint,
        String hostname,
        String productVersion,
        ActivationMode mode,
        Instant at,
        int activeActivations,
        Instant leaseEnds,
        String serviceKeyNonce) {}
