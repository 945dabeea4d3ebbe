package org.licensecentral.notification.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;

import jakarta.validation.constraints.NotNull;
import org.licensecentral.notification.licenses.LicenseContact;
import org.licensecentral.notification.licenses.LicenseContacts;
import org.licensecentral.support.messaging.CloudEventReader;
import org.licensecentral.support.messaging.Payloads;
import org.licensecentral.support.messaging.RejectedMessageException;

import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code license.events} and {@code activation.events} in: the license facts this service keeps
 * (owner e-mail, key, maintenance) and the machine-activated notice, each read as a record of its
 * own with only the fields it needs ({@code @NotNull} where the contract in {@code docs/events/}
 * requires a value); other types on these shared topics are ignored.
 */
@Configuration(proxyBeanMethods = false)
public class LicenseFactsConsumers {

    static final String TYPES = "org.licensecentral.license.";
    static final String MACHINE_ACTIVATED = "org.licensecentral.activation.machine-activated.v1";

    record LicenseIssuedV1(
            @NotNull String licenseId,
            @NotNull String licenseKey,
            @NotNull String productCode,
            @NotNull String edition,
            @NotNull String purchaseEmail,
            @NotNull LocalDate maintenanceUntil) {}

    record LicenseAttachedV1(
            @NotNull String licenseId, @NotNull String toEmail) {}

    record MaintenanceExtendedV1(
            @NotNull String licenseId, @NotNull LocalDate maintenanceUntil) {}

    record MachineActivatedV1(
            @NotNull String licenseId,
            @NotNull String hostname,
            @NotNull String productVersion,
            @NotNull Instant at) {}

    @Bean
    Consumer<Message<byte[]>> licenseEvents(CloudEventReader reader, LicenseContacts contacts) {
        return message -> {
            switch (Payloads.type(message)) {
                case TYPES + "license-issued.v1" -> {
                    LicenseIssuedV1 issued = reader.read(message, LicenseIssuedV1.class);
                    contacts.issued(
                            issued.licenseId(),
                            issued.licenseKey(),
                            issued.productCode(),
                            issued.edition(),
                            issued.purchaseEmail(),
                            issued.maintenanceUntil());
                }
                case TYPES + "license-attached.v1" -> {
                    LicenseAttachedV1 attached = reader.read(message, LicenseAttachedV1.class);
                    contacts.attached(attached.licenseId(), attached.toEmail());
                }
                case TYPES + "maintenance-extended.v1" -> {
                    MaintenanceExtendedV1 extended = reader.read(message, MaintenanceExtendedV1.class);
                    contacts.maintenanceExtended(extended.licenseId(), extended.maintenanceUntil());
                }
                default -> {
                    // Releases (a catalog fact), Remote Management and activation status mean no mail.
                }
            }
        };
    }

    @Bean
    Consumer<Message<byte[]>> activationEvents(CloudEventReader reader, LicenseContacts contacts) {
        return message -> {
            if (!MACHINE_ACTIVATED.equals(Payloads.type(message))) {
                return; // a check-in or a deactivation means no mail
            }
            MachineActivatedV1 event = reader.read(message, MachineActivatedV1.class);
            String id = CloudEventMessageUtils.getId(message);
            if (id == null) {
                throw new RejectedMessageException("machine-activated event without ce_id");
            }
            // The two topics are not ordered against each other: a license not seen yet is retried, then dead-lettered.
            LicenseContact license = contacts.find(event.licenseId())
                    .orElseThrow(() -> new IllegalStateException("license " + event.licenseId() + " not known yet"));
            contacts.machineActivated(id, license, event.hostname(), event.productVersion(), event.at());
        };
    }
}
