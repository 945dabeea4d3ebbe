package org.licensecentral.activation.config;

import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.licensecentral.activation.api.DeactivationReason;
import org.licensecentral.activation.api.MachineActivatedEvent;
import org.licensecentral.activation.api.MachineDeactivatedEvent;
import org.licensecentral.support.upcasting.RevisionUpcaster;

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
}
