package org.licensecentral.license.messaging;

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
 * every record of the batch: the event store is the outbox.
 */
@Component
@ProcessingGroup(LicenseProjection.PROCESSING_GROUP)
class LicenseEventsPublisher {

    static final String BINDING = "licenseEvents-out-0";
    static final String TYPE_PREFIX = "org.licensecentral.license.";

    private final OutboxPublisher publisher;

    LicenseEventsPublisher(OutboxPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(LicenseIssuedEvent event, EventMessage<?> message) {
        publish("license-issued", event.licenseId(), event, message);
    }

    @EventHandler
    void on(MaintenanceExtendedEvent event, EventMessage<?> message) {
        publish("maintenance-extended", event.licenseId(), event, message);
    }

    @EventHandler
    void on(LicenseAttachedEvent event, EventMessage<?> message) {
        publish("license-attached", event.licenseId(), event, message);
    }

    @EventHandler
    void on(RemoteManagementToggledEvent event, EventMessage<?> message) {
        publish("remote-management-toggled", event.licenseId(), event, message);
    }

    @EventHandler
    void on(LicenseActivationStatusChangedEvent event, EventMessage<?> message) {
        publish("activation-status-changed", event.licenseId(), event, message);
    }

    private void publish(String type, String licenseId, Object payload, EventMessage<?> message) {
        publisher.publish(BINDING, message.getIdentifier(), TYPE_PREFIX + type + ".v1", licenseId, message.getTimestamp(),
                payload);
    }
}
