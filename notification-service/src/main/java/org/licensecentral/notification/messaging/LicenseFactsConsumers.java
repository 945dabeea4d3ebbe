package org.licensecentral.notification.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;

import org.licensecentral.notification.licenses.LicenseContact;
import org.licensecentral.notification.licenses.LicenseContacts;
import org.licensecentral.support.messaging.Payloads;
import org.licensecentral.support.messaging.RejectedMessageException;

import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code license.events} and {@code activation.events} in: the license facts this service keeps
 * (owner e-mail, key, maintenance) and the machine-activated notice. Each reads only the fields it
 * needs (contracts in {@code docs/events/}); other types on these shared topics are ignored.
 */
@Configuration(proxyBeanMethods = false)
public class LicenseFactsConsumers {

    static final String TYPES = "org.licensecentral.license.";

    record LicenseFact(String licenseId, String licenseKey, String productCode, String purchaseEmail,
                       LocalDate maintenanceUntil, String toEmail) {
    }

    record MachineActivated(String licenseId, String hostname, String productVersion, Instant at) {
    }

    @Bean
    Consumer<Message<LicenseFact>> licenseEvents(LicenseContacts contacts) {
        return message -> {
            LicenseFact fact = Payloads.require(message, LicenseFact.class);
            String type = Payloads.type(message);
            if (type.equals(TYPES + "release-published.v1")) {
                return;   // a catalog fact, not one of a license: no mail
            }
            if (fact.licenseId() == null) {
                throw new RejectedMessageException("license event without licenseId");
            }
            switch (type) {
                case TYPES + "license-issued.v1" -> contacts.issued(fact.licenseId(), fact.licenseKey(), fact.productCode(),
                        fact.purchaseEmail(), fact.maintenanceUntil());
                case TYPES + "license-attached.v1" -> contacts.attached(fact.licenseId(), fact.toEmail());
                case TYPES + "maintenance-extended.v1" -> contacts.maintenanceExtended(fact.licenseId(), fact.maintenanceUntil());
                default -> {
                    // Remote Management and activation status mean no mail.
                }
            }
        };
    }

    @Bean
    Consumer<Message<MachineActivated>> activationEvents(LicenseContacts contacts) {
        return message -> {
            // Every record on the topic must be readable, even one of a type that means no mail.
            MachineActivated event = Payloads.require(message, MachineActivated.class);
            String type = Payloads.type(message);
            if (!"org.licensecentral.activation.machine-activated.v1".equals(type)) {
                return;   // a deactivation means no mail
            }
            String id = CloudEventMessageUtils.getId(message);
            if (event.licenseId() == null || id == null) {
                throw new RejectedMessageException("machine-activated event without licenseId or ce_id");
            }
            // The two topics are not ordered against each other: a license not seen yet is retried, then dead-lettered.
            LicenseContact license = contacts.find(event.licenseId())
                    .orElseThrow(() -> new IllegalStateException("license " + event.licenseId() + " not known yet"));
            contacts.machineActivated(id, license, event.hostname(), event.productVersion(), event.at());
        };
    }
}
