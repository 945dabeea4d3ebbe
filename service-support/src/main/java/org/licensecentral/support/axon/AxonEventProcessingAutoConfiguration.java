package org.licensecentral.support.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.licensecentral.support.messaging.CloudEventsKafkaAutoConfiguration;
import org.licensecentral.support.messaging.CloudEventsPublisher;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * How every service's Axon event processors behave. The event store and the token store are
 * Axon's own JDBC engine on the service's PostgreSQL database ({@code JdbcAutoConfiguration} of
 * Axon's starter, given the {@code DataSource}); their tables come from the Flyway migration in
 * {@code db/axon}, not from Axon's auto-create.
 */
@AutoConfiguration(before = AxonAutoConfiguration.class, after = CloudEventsKafkaAutoConfiguration.class)
@ConditionalOnClass(ConfigurerModule.class)
public class AxonEventProcessingAutoConfiguration {

    /**
     * Axon's default logs a failing event handler and moves on, which would skip a projection
     * update or a publish for good. Here a failure stops the processor's token, and the tracking
     * processor retries the event with back-off until it succeeds.
     */
    @Bean
    ConfigurerModule propagateEventHandlerErrors() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(CloudEventsPublisher.class)
    OutboxPublisher outboxPublisher(CloudEventsPublisher publisher) {
        return new OutboxPublisher(publisher);
    }
}
