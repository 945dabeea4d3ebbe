package org.licensecentral.activation.query;

import java.time.Instant;

import org.licensecentral.activation.api.ActivationMode;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A machine that holds a seat of a license now; freed ones are removed. {@code leaseEnds} is null
 * for an activation recorded before leases that has not checked in since.
 */
@Document("activations")
public record ActivationView(
        @Id String activationId,
        String licenseId,
        String fingerprint,
        String hostname,
        String productVersion,
        ActivationMode mode,
        Instant activatedAt,
        Instant leaseEnds,
        Instant checkedInAt) {}
