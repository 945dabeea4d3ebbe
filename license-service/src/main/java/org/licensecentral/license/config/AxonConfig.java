package org.licensecentral.license.config;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.licensecentral.license.query.LicenseProjection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AxonConfig {

    // Axon's default logs a failing handler and moves on; here a failed publish or projection
    // write must stop the token, so the tracking processor retries the event with back-off.
    @Autowired
    void configure(EventProcessingConfigurer eventProcessing) {
        eventProcessing.registerListenerInvocationErrorHandler(
                LicenseProjection.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
