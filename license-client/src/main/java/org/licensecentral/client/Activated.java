package org.licensecentral.client;

import java.time.Instant;
import java.time.LocalDate;

/** License Central's answer to an activation or a check-in: a new lease in {@code activationKey}. */
public record Activated(
        String activationId,
        String activationKey,
        String mode,
        Instant leaseEnds,
        LocalDate maintenanceUntil,
        String maxVersion,
        boolean remoteManagement) {}
