package org.licensecentral.activation.messaging;

import java.time.Instant;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.licensecentral.activation.api.ActivationMode;
import org.licensecentral.activation.api.DeactivationReason;
import org.licensecentral.activation.api.MachineActivatedEvent;
import org.licensecentral.activation.api.MachineCheckedInEvent;
import org.licensecentral.activation.api.MachineDeactivatedEvent;
import org.licensecentral.activation.query.ActivationProjection;
import org.licensecentral.support.axon.OutboxPublisher;

import org.springframework.stereotype.Component;

/**
 * Publishes every activation, check-in and deactivation to {@code activation.events}, keyed by
 * license id, {@code ce_id} = the Axon event id, from the service's tracking processor: the
 * {@link OutboxPublisher} lets the processor's token advance only after the broker acknowledged
 * every record of the batch, so the event store is the outbox. The records sent are the wire
 * contracts of {@code docs/events/org.licensecentral.activation.*}, not the Axon events: a
 * service key's nonce, for one, stays in the event store.
 */
@Component
@ProcessingGroup(ActivationProjection.PROCESSING_GROUP)
class ActivationEventsPublisher {

    static final String BINDING = "activationEvents-out-0";
    static final String TYPES = "org.licensecentral.activation.";

    record MachineActivatedV1(
            String activationId,
            String licenseId,
            String fingerprint,
            String hostname,
            String productVersion,
            ActivationMode mode,
            Instant at,
            int activeActivations) {}

    record MachineCheckedInV1(
            String activationId,
            String licenseId,
            String fingerprint,
            String productVersion,
            ActivationMode mode,
            Instant at,
            int activeActivations,
            Instant leaseEnds) {}

    record MachineDeactivatedV1(
            String activationId,
            String licenseId,
            String fingerprint,
            String hostname,
            String productVersion,
            ActivationMode mode,
            Instant at,
            int activeActivations,
            DeactivationReason reason) {}

    private final OutboxPublisher publisher;

    ActivationEventsPublisher(OutboxPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(MachineActivatedEvent event, EventMessage<?> message) {
        publish(
                "machine-activated.v1",
                event.licenseId(),
                message,
                new MachineActivatedV1(
                        event.activationId(),
                        event.licenseId(),
                        event.fingerprint(),
                        event.hostname(),
                        event.productVersion(),
                        event.mode(),
                        event.at(),
                        event.activeActivations()));
    }

    @EventHandler
    void on(MachineCheckedInEvent event, EventMessage<?> message) {
        publish(
                "machine-checked-in.v1",
                event.licenseId(),
                message,
                new MachineCheckedInV1(
                        event.activationId(),
                        event.licenseId(),
                        event.fingerprint(),
                        event.productVersion(),
                        event.mode(),
                        event.at(),
                        event.activeActivations(),
                        event.leaseEnds()));
    }

    @EventHandler
    void on(MachineDeactivatedEvent event, EventMessage<?> message) {
        publish(
                "machine-deactivated.v1",
                event.licenseId(),
                message,
                new MachineDeactivatedV1(
                        event.activationId(),
                        event.licenseId(),
                        event.fingerprint(),
                        event.hostname(),
                        event.productVersion(),
                        event.mode(),
                        event.at(),
                        event.activeActivations(),
                        event.reason()));
    }

    private void publish(String type, String licenseId, EventMessage<?> message, Object record) {
        publisher.publish(BINDING, message.getIdentifier(), TYPES + type, licenseId, message.getTimestamp(), record);
    }
}
