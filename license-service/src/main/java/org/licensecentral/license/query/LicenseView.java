package org.licensecentral.license.query;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One row of the license list, kept by {@link LicenseProjection}. {@code ownerAccountId} is null
 * until the license is attached to an account; until then it belongs to the account whose verified
 * e-mail is {@code purchaseEmail}.
 */
@Document("licenses")
public record LicenseView(
        @Id String licenseId,
        String licenseKey,
        String purchaseId,
        String purchaseEmail,
        String productCode,
        String productName,
        String edition,
        Instant purchasedAt,
        LocalDate maintenanceUntil,
        int maxActivations,
        int activeActivations,
        ActivationStatus status,
        String ownerAccountId,
        boolean remoteManagementAvailable,
        boolean remoteManagementAllowed) {

    public enum ActivationStatus {
        ACTIVATED,
        NOT_ACTIVATED
    }
}
