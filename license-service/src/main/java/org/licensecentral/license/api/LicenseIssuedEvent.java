package org.licensecentral.license.api;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.serialization.Revision;

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
        LocalDate maintenanceUntil) {
}
