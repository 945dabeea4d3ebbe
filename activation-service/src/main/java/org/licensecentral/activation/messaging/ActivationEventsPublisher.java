package org.licensecentral.activation.messaging;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.licensecentral.activation.api.MachineActivatedEvent;
import org.licensecentral.activation.api.MachineDeactivatedEvent;
import org.licensecentral.activation.query.ActivationProjection;
import org.licensecentral.support.axon.OutboxPublisher;

import org.springframework.stereotype.Component;

/**
 * Publishes every activation and deactivation to {@code activation.events}, keyed by license id,
 * {@code ce_id} = the Axon event id, from the service's tracking processor: the
 * {@link OutboxPublisher} lets the processor's token advance only after the broker acknowledged
 * every record of the batch, so the event store is the outbox.
 */
@Component
@ProcessingGroup(ActivationProjection.PROCESSING_GROUP)
class ActivationEventsPublisher {

    static final String BINDING = "activationEvents-out-0";

    private final OutboxPublisher publisher;

    ActivationEventsPublisher(OutboxPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(MachineActivatedEvent event, EventMessage<?> message) {
        publisher.publish(BINDING, message.getIdentifier(), "org.licensecentral.activation.machine-activated.v1",
                event.licenseId(), message.getTimestamp(), event);
    }

    @EventHandler
    void on(MachineDeactivatedEvent event, EventMessage<?> message) {
        publisher.publish(BINDING, message.getIdentifier(), "org.licensecentral.activation.machine-deactivated.v1",
                event.licenseId(), message.getTimestamp(), event);
    }
}
