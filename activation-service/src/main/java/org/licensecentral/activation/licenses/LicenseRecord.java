package org.licensecentral.activation.licenses;

import java.time.LocalDate;
import java.util.Locale;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * This service's own view of a license, from {@code license.events}: what activating needs, so
 * it never asks license-service. {@code ownerAccountId} is null until the license is attached; it
 * then belongs to {@code ownerEmail}, before that to {@code purchaseEmail}.
 */
@Document("licenses")
public record LicenseRecord(
        @Id String licenseId,
        String licenseKey,
        String purchaseEmail,
        String ownerAccountId,
        String ownerEmail,
        String productCode,
        String edition,
        int maxActivations,
        LocalDate maintenanceUntil,
        boolean remoteManagementAllowed,
        String remoteManagementSince) {

    /** An installed product may activate with the owner's e-mail or the purchase e-mail. */
    public boolean acceptsEmail(String email) {
        String given = email.trim().toLowerCase(Locale.ROOT);
        return given.equals(purchaseEmail) || given.equals(ownerEmail);
    }

    /** Whether the account holds the license: attached to it, or unattached and bought with its verified e-mail. */
    public boolean isHeldBy(String accountId, String verifiedEmail) {
        return accountId.equals(ownerAccountId) || (ownerAccountId == null && purchaseEmail.equals(verifiedEmail));
    }

    /** Remote Management in effect for an installed version: allowed, and a version that honours it. */
    public boolean remoteManagementFor(String productVersion) {
        return remoteManagementAllowed
                && remoteManagementSince != null
                && ProductVersion.parse(productVersion).compareTo(ProductVersion.parse(remoteManagementSince)) >= 0;
    }
}
