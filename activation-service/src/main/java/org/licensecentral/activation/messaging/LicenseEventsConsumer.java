package org.licensecentral.activation.messaging;

import java.time.LocalDate;
import java.util.function.Consumer;

import jakarta.validation.constraints.NotNull;
import org.licensecentral.activation.licenses.InvalidVersionException;
import org.licensecentral.activation.licenses.LicenseRecords;
import org.licensecentral.activation.licenses.ProductVersion;
import org.licensecentral.activation.licenses.Releases;
import org.licensecentral.support.messaging.CloudEventReader;
import org.licensecentral.support.messaging.Payloads;
import org.licensecentral.support.messaging.RejectedMessageException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code license.events} in: the license facts this service keeps, and the releases of the
 * catalog, each read as a record of its own with only the fields used here ({@code @NotNull} where
 * the contract in {@code docs/events/org.licensecentral.license.*} requires a value); facts it does
 * not need are ignored.
 */
@Configuration(proxyBeanMethods = false)
public class LicenseEventsConsumer {

    static final String TYPES = "org.licensecentral.license.";

    record LicenseIssuedV1(
            @NotNull String licenseId,
            @NotNull String licenseKey,
            @NotNull String purchaseEmail,
            @NotNull String productCode,
            @NotNull String edition,
            @NotNull Integer maxActivations,
            @NotNull LocalDate maintenanceUntil,
            String remoteManagementSince) {}

    record LicenseAttachedV1(
            @NotNull String licenseId,
            @NotNull String toAccount,
            @NotNull String toEmail) {}

    record MaintenanceExtendedV1(
            @NotNull String licenseId, @NotNull LocalDate maintenanceUntil) {}

    record RemoteManagementToggledV1(
            @NotNull String licenseId, @NotNull Boolean allowed) {}

    record ReleasePublishedV1(
            @NotNull String productCode,
            @NotNull String version,
            @NotNull LocalDate releasedAt) {}

    @Bean
    Consumer<Message<byte[]>> licenseEvents(CloudEventReader reader, LicenseRecords licenses, Releases releases) {
        return message -> {
            switch (Payloads.type(message)) {
                case TYPES + "license-issued.v1" -> {
                    LicenseIssuedV1 issued = reader.read(message, LicenseIssuedV1.class);
                    licenses.issued(
                            issued.licenseId(),
                            issued.licenseKey(),
                            issued.purchaseEmail(),
                            issued.productCode(),
                            issued.edition(),
                            issued.maxActivations(),
                            issued.maintenanceUntil(),
                            issued.remoteManagementSince());
                }
                case TYPES + "license-attached.v1" -> {
                    LicenseAttachedV1 attached = reader.read(message, LicenseAttachedV1.class);
                    licenses.attached(attached.licenseId(), attached.toAccount(), attached.toEmail());
                }
                case TYPES + "maintenance-extended.v1" -> {
                    MaintenanceExtendedV1 extended = reader.read(message, MaintenanceExtendedV1.class);
                    licenses.maintenanceExtended(extended.licenseId(), extended.maintenanceUntil());
                }
                case TYPES + "remote-management-toggled.v1" -> {
                    RemoteManagementToggledV1 toggled = reader.read(message, RemoteManagementToggledV1.class);
                    licenses.remoteManagementToggled(toggled.licenseId(), toggled.allowed());
                }
                case TYPES + "release-published.v1" -> {
                    ReleasePublishedV1 release = reader.read(message, ReleasePublishedV1.class);
                    try {
                        ProductVersion.parse(release.version());
                    } catch (InvalidVersionException e) {
                        throw new RejectedMessageException("release event: " + e.getMessage());
                    }
                    releases.published(release.productCode(), release.version(), release.releasedAt());
                }
                default -> {
                    // The activation status is this service's own fact, echoed back by license-service.
                }
            }
        };
    }
}
