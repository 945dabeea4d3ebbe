package org.licensecentral.activation.messaging;

import java.time.LocalDate;
import java.util.function.Consumer;

import org.licensecentral.activation.licenses.InvalidVersionException;
import org.licensecentral.activation.licenses.LicenseRecords;
import org.licensecentral.activation.licenses.ProductVersion;
import org.licensecentral.activation.licenses.Releases;
import org.licensecentral.support.messaging.Payloads;
import org.licensecentral.support.messaging.RejectedMessageException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code license.events} in: the license facts this service keeps (contracts in
 * {@code docs/events/org.licensecentral.license.*}), and the releases of the catalog; facts it does
 * not need are ignored.
 */
@Configuration(proxyBeanMethods = false)
public class LicenseEventsConsumer {

    static final String TYPES = "org.licensecentral.license.";

    record LicenseFact(String licenseId, String licenseKey, String purchaseEmail, String productCode, String edition,
                       Integer maxActivations, LocalDate maintenanceUntil, String remoteManagementSince,
                       String toAccount, String toEmail, Boolean allowed, String version, LocalDate releasedAt) {
    }

    @Bean
    Consumer<Message<LicenseFact>> licenseEvents(LicenseRecords licenses, Releases releases) {
        return message -> {
            LicenseFact fact = Payloads.require(message, LicenseFact.class);
            String type = Payloads.type(message);
            if (type.equals(TYPES + "release-published.v1")) {
                if (fact.productCode() == null || fact.version() == null || fact.releasedAt() == null) {
                    throw new RejectedMessageException("release event without productCode, version and releasedAt");
                }
                try {
                    ProductVersion.parse(fact.version());
                } catch (InvalidVersionException e) {
                    throw new RejectedMessageException("release event: " + e.getMessage());
                }
                releases.published(fact.productCode(), fact.version(), fact.releasedAt());
                return;
            }
            if (fact.licenseId() == null) {
                throw new RejectedMessageException("license event without licenseId");
            }
            switch (type) {
                case TYPES + "license-issued.v1" -> licenses.issued(fact.licenseId(), fact.licenseKey(), fact.purchaseEmail(),
                        fact.productCode(), fact.edition(), fact.maxActivations() == null ? 1 : fact.maxActivations(),
                        fact.maintenanceUntil(), fact.remoteManagementSince());
                case TYPES + "license-attached.v1" -> licenses.attached(fact.licenseId(), fact.toAccount(), fact.toEmail());
                case TYPES + "maintenance-extended.v1" -> licenses.maintenanceExtended(fact.licenseId(), fact.maintenanceUntil());
                case TYPES + "remote-management-toggled.v1" ->
                        licenses.remoteManagementToggled(fact.licenseId(), Boolean.TRUE.equals(fact.allowed()));
                default -> {
                    // The activation status is this service's own fact, echoed back by license-service.
                }
            }
        };
    }
}
