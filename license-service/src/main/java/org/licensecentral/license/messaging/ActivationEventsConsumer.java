package org.licensecentral.license.messaging;

import java.time.Instant;
import java.util.function.Consumer;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.licensecentral.license.api.MachineChange;
import org.licensecentral.license.api.RecordActiveActivationsCommand;
import org.licensecentral.license.query.LicenseActivationView;
import org.licensecentral.support.messaging.CloudEventReader;
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
 * activation id, so a redelivery changes nothing) and named, with a deactivation's reason, in the
 * license's history. Each type is read as a record of its own with
 * only the fields used here ({@code @NotNull} where the contract in
 * {@code docs/events/org.licensecentral.activation.*} requires a value).
 */
@Configuration(proxyBeanMethods = false)
public class ActivationEventsConsumer {

    static final String ACTIVATED = "org.licensecentral.activation.machine-activated.v1";
    static final String DEACTIVATED = "org.licensecentral.activation.machine-deactivated.v1";
    static final String CHECKED_IN = "org.licensecentral.activation.machine-checked-in.v1";

    record MachineActivatedV1(
            @NotNull String activationId,
            @NotNull String licenseId,
            @NotNull String hostname,
            @NotNull String productVersion,
            @NotNull String mode,
            @NotNull Instant at,
            @NotNull @PositiveOrZero Integer activeActivations) {}

    /** {@code reason} came after the first version of the type: a consumer accepts it missing. */
    record MachineDeactivatedV1(
            @NotNull String activationId,
            @NotNull String licenseId,
            @NotNull String hostname,
            @NotNull @PositiveOrZero Integer activeActivations,
            String reason) {}

    record MachineCheckedInV1(
            @NotNull String activationId,
            @NotNull String productVersion,
            @NotNull String mode) {}

    @Bean
    Consumer<Message<byte[]>> activationEvents(
            CloudEventReader reader, CommandGateway commandGateway, MongoTemplate mongo) {
        return message -> {
            String type = Payloads.type(message);
            switch (type) {
                case ACTIVATED -> {
                    MachineActivatedV1 event = reader.read(message, MachineActivatedV1.class);
                    recordActiveActivations(
                            commandGateway,
                            event.licenseId(),
                            event.activeActivations(),
                            new MachineChange(event.activationId(), event.hostname(), true, null));
                    mongo.save(new LicenseActivationView(
                            event.activationId(),
                            event.licenseId(),
                            event.hostname(),
                            event.productVersion(),
                            event.mode(),
                            event.at()));
                }
                case DEACTIVATED -> {
                    MachineDeactivatedV1 event = reader.read(message, MachineDeactivatedV1.class);
                    recordActiveActivations(
                            commandGateway,
                            event.licenseId(),
                            event.activeActivations(),
                            new MachineChange(
                                    event.activationId(),
                                    event.hostname(),
                                    false,
                                    event.reason() == null ? "UNKNOWN" : event.reason()));
                    mongo.remove(
                            Query.query(Criteria.where("_id").is(event.activationId())), LicenseActivationView.class);
                }
                case CHECKED_IN -> {
                    // A renewed lease changes no count; the machine may have moved to another version or mode.
                    MachineCheckedInV1 event = reader.read(message, MachineCheckedInV1.class);
                    mongo.updateFirst(
                            Query.query(Criteria.where("_id").is(event.activationId())),
                            new Update()
                                    .set("productVersion", event.productVersion())
                                    .set("mode", event.mode()),
                            LicenseActivationView.class);
                }
                default -> throw new RejectedMessageException("unexpected ce_type '" + type + "' on activation.events");
            }
        };
    }

    private static void recordActiveActivations(
            CommandGateway commandGateway, String licenseId, int activeActivations, MachineChange machine) {
        try {
            commandGateway.sendAndWait(new RecordActiveActivationsCommand(licenseId, activeActivations, machine));
        } catch (AggregateNotFoundException e) {
            throw new RejectedMessageException("activation event for unknown license " + licenseId, e);
        }
    }
}
