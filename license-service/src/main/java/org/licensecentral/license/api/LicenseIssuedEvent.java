package org.licensecentral.license.api;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * {@code remoteManagementSince}: the first product version that honours the Remote Management
 * switch, null where the product has none; it travels with the license so that activation can
 * apply the rule to the version installed.
 */
@Revision("1")
public record LicenseIssuedEvent(
        String licenseId,
        String licenseKey,
        String purchaseId,
        String purchaseEmail,
        String productCode,
        String edition,
        int maxActivations,
        Instant purchasedAt,
        LocalDate maintenanceUntil,
        String remoteManagementSince) {}
