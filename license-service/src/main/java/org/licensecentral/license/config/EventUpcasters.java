package org.licensecentral.license.config;

import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.licensecentral.license.api.LicenseActivationStatusChangedEvent;
import org.licensecentral.support.upcasting.RevisionUpcaster;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads the events of this service's store written before they named the machine (revision 1) as
 * today's (revision 2): an activation status change of revision 1 has no machine (null), and the
 * history says only the count for it.
 */
@Configuration(proxyBeanMethods = false)
public class EventUpcasters {

    @Bean
    SingleEventUpcaster activationStatusChangedV1ToV2() {
        return new RevisionUpcaster(
                LicenseActivationStatusChangedEvent.class.getName(), node -> node.putNull("machine"));
    }
}
