package org.licensecentral.license.messaging;

import java.time.Instant;
import java.util.function.Consumer;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.licensecentral.license.api.RecordActiveActivationsCommand;
import org.licensecentral.license.query.LicenseActivationView;
import org.licensecentral.support.messaging.Payloads;
import org.licensecentral.support.messaging.RejectedMessageException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;

/**
 * {@code activation.events} in. Each machine activated, checked in or deactivated carries the license's count
 * of active machines, which decides whether the portal shows it Activated (a License fact), and
 * the machine itself, kept as the license's activations as last known (an upsert or a delete by
 * activation id, so a redelivery changes nothing). Only the fields this service needs are read;
 * the contract is {@code docs/events/org.licensecentral.activation.*}.
 */
@Configuration(proxyBeanMethods = false)
public class ActivationEventsConsumer {

    static final String ACTIVATED = "org.licensecentral.activation.machine-activated.v1";
    static final String DEACTIVATED = "org.licensecentral.activation.machine-deactivated.v1";
    static final String CHECKED_IN = "org.licensecentral.activation.machine-checked-in.v1";

    record MachineEvent(String activationId, String licenseId, String hostname, String productVersion, String mode,
                        Instant at, Integer activeActivations) {
    }

    @Bean
    Consumer<Message<MachineEvent>> activationEvents(CommandGateway commandGateway, MongoTemplate mongo) {
        return message -> {
            MachineEvent event = Payloads.require(message, MachineEvent.class);
            String type = Payloads.type(message);
            if (!ACTIVATED.equals(type) && !DEACTIVATED.equals(type) && !CHECKED_IN.equals(type)) {
                throw new RejectedMessageException("unexpected ce_type '" + type + "' on activation.events");
            }
            if (event.licenseId() == null || event.activationId() == null
                    || event.activeActivations() == null || event.activeActivations() < 0) {
                throw new RejectedMessageException("activation event without activationId, licenseId and a count of active machines");
            }
            if (CHECKED_IN.equals(type)) {
                // A renewed lease changes no count; the machine may have moved to another version or mode.
                mongo.updateFirst(Query.query(Criteria.where("_id").is(event.activationId())), new Update()
                        .set("productVersion", event.productVersion()).set("mode", event.mode()), LicenseActivationView.class);
                return;
            }
            try {
                commandGateway.sendAndWait(new RecordActiveActivationsCommand(event.licenseId(), event.activeActivations()));
            } catch (AggregateNotFoundException e) {
                throw new RejectedMessageException("activation event for unknown license " + event.licenseId(), e);
            }
            if (ACTIVATED.equals(type)) {
                mongo.save(new LicenseActivationView(event.activationId(), event.licenseId(), event.hostname(),
                        event.productVersion(), event.mode(), event.at()));
            } else {
                mongo.remove(Query.query(Criteria.where("_id").is(event.activationId())), LicenseActivationView.class);
            }
        };
    }
}
