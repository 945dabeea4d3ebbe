package org.licensecentral.activation.config;

import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.licensecentral.activation.api.DeactivationReason;
import org.licensecentral.activation.api.MachineActivatedEvent;
import org.licensecentral.activation.api.MachineDeactivatedEvent;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads the events of this service's store written before leases (revision 1) as today's
 * (revision 2); Axon picks up every {@code EventUpcaster} bean. Revision 1 activations get no
 * lease (null: the seat stays until a check-in gives it one, as it did before), revision 1
 * deactivations the reason {@code UNKNOWN}.
 */
@Configuration(proxyBeanMethods = false)
public class EventUpcasters {

    @Bean
    SingleEventUpcaster machineActivatedV1ToV2() {
        return new RevisionUpcaster(MachineActivatedEvent.class.getName(), node -> {
            node.putNull("leaseEnds");
            node.putNull("serviceKeyNonce");
        });
    }

    @Bean
    SingleEventUpcaster machineDeactivatedV1ToV2() {
        return new RevisionUpcaster(
                MachineDeactivatedEvent.class.getName(), node -> node.put("reason", DeactivationReason.UNKNOWN.name()));
    }

    /** Revision "1" of one event type to "2", by adding fields to its JSON. */
    static final class RevisionUpcaster extends SingleEventUpcaster {

        private final SimpleSerializedType from;
        private final SimpleSerializedType to;
        private final Consumer<ObjectNode> change;

        RevisionUpcaster(String type, Consumer<ObjectNode> change) {
            this.from = new SimpleSerializedType(type, "1");
            this.to = new SimpleSerializedType(type, "2");
            this.change = change;
        }

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return from.equals(representation.getType());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(to, JsonNode.class, node -> {
                change.accept((ObjectNode) node);
                return node;
            });
        }
    }
}
