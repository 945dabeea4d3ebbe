package org.licensecentral.license.query;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A machine the license is active on, as activation-service last reported it on {@code activation.events}. */
@Document("license_activations")
public record LicenseActivationView(
        @Id String activationId,
        String licenseId,
        String hostname,
        String productVersion,
        String mode,
        Instant activatedAt) {}
