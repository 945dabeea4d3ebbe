package org.licensecentral.activation.query;

import java.time.Instant;

import org.licensecentral.activation.api.ActivationMode;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A machine a license is active on now; deactivated ones are removed. */
@Document("activations")
public record ActivationView(
        @Id String activationId,
        String licenseId,
        String fingerprint,
        String hostname,
        String productVersion,
        ActivationMode mode,
        Instant activatedAt) {
}
