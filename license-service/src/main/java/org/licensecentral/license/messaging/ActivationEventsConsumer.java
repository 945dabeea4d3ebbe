package org.licensecentral.license.messaging;

import java.util.function.Consumer;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.licensecentral.license.api.RecordActiveActivationsCommand;
import org.licensecentral.support.messaging.Payloads;
import org.licensecentral.support.messaging.RejectedMessageException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code activation.events} in: each machine activated or deactivated carries the license's count
 * of active machines, which decides whether the portal shows it Activated. Only the fields this
 * service needs are read (see {@code docs/events/org.licensecentral.activation.*}).
 */
@Configuration(proxyBeanMethods = false)
public class ActivationEventsConsumer {

    record ActiveActivations(String licenseId, Integer activeActivations) {
    }

    @Bean
    Consumer<Message<ActiveActivations>> activationEvents(CommandGateway commandGateway) {
        return message -> {
            ActiveActivations event = Payloads.require(message, ActiveActivations.class);
            if (event.licenseId() == null || event.activeActivations() == null || event.activeActivations() < 0) {
                throw new RejectedMessageException("activation event without a licenseId and a count of active machines");
            }
            try {
                commandGateway.sendAndWait(new RecordActiveActivationsCommand(event.licenseId(), event.activeActivations()));
            } catch (AggregateNotFoundException e) {
                throw new RejectedMessageException("activation event for unknown license " + event.licenseId(), e);
            }
        };
    }
}
