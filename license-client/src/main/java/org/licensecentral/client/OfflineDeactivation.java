package org.licensecentral.client;

import java.time.Instant;

/**
 * A key removed without a connection: {@code code} frees the seat at once when entered in the
 * portal; without it the seat stays taken until {@code leaseEnds}.
 */
public record OfflineDeactivation(String activationId, String code, Instant leaseEnds) {}
