package org.licensecentral.license.api;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record IssueLicenseCommand(
        @TargetAggregateIdentifier String licenseId,
        String licenseKey,
        String purchaseId,
        String purchaseEmail,
        String productCode,
        String edition,
        int maxActivations,
        Instant purchasedAt,
        LocalDate maintenanceUntil,
        String remoteManagementSince) {}
