package org.licensecentral.license.messaging;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.licensecentral.license.api.LicenseActivationStatusChangedEvent;
import org.licensecentral.license.api.LicenseAttachedEvent;
import org.licensecentral.license.api.LicenseIssuedEvent;
import org.licensecentral.license.api.MaintenanceExtendedEvent;
import org.licensecentral.license.api.RemoteManagementToggledEvent;
import org.licensecentral.license.query.LicenseProjection;
import org.licensecentral.support.axon.OutboxPublisher;

import org.springframework.stereotype.Component;

/**
 * Publishes every {@code License} fact to {@code license.events}, keyed by license id, with
 * CloudEvents headers whose {@code ce_id} is the Axon event id (so consumers can deduplicate).
 * It runs in the tracking processor of {@link LicenseProjection#PROCESSING_GROUP}, and the
 * {@link OutboxPublisher} lets the processor's token advance only after the broker acknowledged
 * every record of the batch: the event store is the outbox. The records sent are the wire
 * contracts of {@code docs/events/org.licensecentral.license.*} ({@code ...V1}), mapped from the
 * Axon events, so that an internal field of an event can change without a new public version.
 */
@Component
@ProcessingGroup(LicenseProjection.PROCESSING_GROUP)
class LicenseEventsPublisher {

    static final String BINDING = "licenseEvents-out-0";
    static final String TYPE_PREFIX = "org.licensecentral.license.";

    /** docs/events/org.licensecentral.license.license-issued.v1.schema.json */
    record LicenseIssuedV1(
            String licenseId,
            String licenseKey,
            String purchaseId,
            String purchaseEmail,
            String productCode,
            String edition,
            int maxActivations,
            Instant purchasedAt,
            LocalDate maintenanceUntil,
            String remoteManagementSince) {

        static LicenseIssuedV1 of(LicenseIssuedEvent e) {
            return new LicenseIssuedV1(
                    e.licenseId(),
                    e.licenseKey(),
                    e.purchaseId(),
                    e.purchaseEmail(),
                    e.productCode(),
                    e.edition(),
                    e.maxActivations(),
                    e.purchasedAt(),
                    e.maintenanceUntil(),
                    e.remoteManagementSince());
        }
    }

    /** docs/events/org.licensecentral.license.maintenance-extended.v1.schema.json */
    record MaintenanceExtendedV1(String licenseId, String renewalId, LocalDate maintenanceUntil) {

        static MaintenanceExtendedV1 of(MaintenanceExtendedEvent e) {
            return new MaintenanceExtendedV1(e.licenseId(), e.renewalId(), e.maintenanceUntil());
        }
    }

    /** docs/events/org.licensecentral.license.license-attached.v1.schema.json */
    record LicenseAttachedV1(String licenseId, String fromAccount, String fromEmail, String toAccount, String toEmail) {

        static LicenseAttachedV1 of(LicenseAttachedEvent e) {
            return new LicenseAttachedV1(e.licenseId(), e.fromAccount(), e.fromEmail(), e.toAccount(), e.toEmail());
        }
    }

    /** docs/events/org.licensecentral.license.remote-management-toggled.v1.schema.json */
    record RemoteManagementToggledV1(String licenseId, boolean allowed) {

        static RemoteManagementToggledV1 of(RemoteManagementToggledEvent e) {
            return new RemoteManagementToggledV1(e.licenseId(), e.allowed());
        }
    }

    /** docs/events/org.licensecentral.license.activation-status-changed.v1.schema.json */
    record ActivationStatusChangedV1(String licenseId, boolean activated, int activeActivations) {

        static ActivationStatusChangedV1 of(LicenseActivationStatusChangedEvent e) {
            return new ActivationStatusChangedV1(e.licenseId(), e.activated(), e.activeActivations());
        }
    }

    private final OutboxPublisher publisher;

    LicenseEventsPublisher(OutboxPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(LicenseIssuedEvent event, EventMessage<?> message) {
        publish("license-issued", event.licenseId(), LicenseIssuedV1.of(event), message);
    }

    @EventHandler
    void on(MaintenanceExtendedEvent event, EventMessage<?> message) {
        publish("maintenance-extended", event.licenseId(), MaintenanceExtendedV1.of(event), message);
    }

    @EventHandler
    void on(LicenseAttachedEvent event, EventMessage<?> message) {
        publish("license-attached", event.licenseId(), LicenseAttachedV1.of(event), message);
    }

    @EventHandler
    void on(RemoteManagementToggledEvent event, EventMessage<?> message) {
        publish("remote-management-toggled", event.licenseId(), RemoteManagementToggledV1.of(event), message);
    }

    @EventHandler
    void on(LicenseActivationStatusChangedEvent event, EventMessage<?> message) {
        publish("activation-status-changed", event.licenseId(), ActivationStatusChangedV1.of(event), message);
    }

    private void publish(String type, String licenseId, Record payload, EventMessage<?> message) {
        publisher.publish(
                BINDING,
                message.getIdentifier(),
                TYPE_PREFIX + type + ".v1",
                licenseId,
                message.getTimestamp(),
                payload);
    }
}
