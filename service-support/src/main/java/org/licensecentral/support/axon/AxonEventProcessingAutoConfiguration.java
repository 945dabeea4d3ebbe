package org.licensecentral.support.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
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
// On Boot 4 Axon's JdbcAutoConfiguration runs inside AxonBoot4OrderingAutoConfiguration: this one
// must come before that too, or Axon's vendor-code resolver wins over uniqueViolationResolver.
@AutoConfiguration(
        before = {AxonAutoConfiguration.class, JdbcAutoConfiguration.class, AxonBoot4OrderingAutoConfiguration.class},
        after = CloudEventsKafkaAutoConfiguration.class)
@ConditionalOnClass(ConfigurerModule.class)
public class AxonEventProcessingAutoConfiguration {

    /**
     * Axon's default logs a failing event handler and moves on, which would skip a projection
     * update or a publish for good. Here a failure stops the processor's token, and the tracking
     * processor retries the event with back-off until it succeeds.
     */
    @Bean
    ConfigurerModule propagateEventHandlerErrors() {
        return configurer -> configurer
                .eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }

    /**
     * How the event store tells a duplicate (aggregate id, sequence) from other failures. Axon's
     * JDBC default reads vendor error codes, and the PostgreSQL driver reports a unique violation
     * only as SQLState 23505: without this, two nodes appending to one aggregate, or two
     * deliveries creating one purchase record (issue 15, finding 2), fail with a generic
     * {@code EventStoreException} instead of the {@code ConcurrencyException} or
     * {@code AggregateStreamCreationException} that the services retry or treat as done.
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnClass(SQLStateResolver.class)
    PersistenceExceptionResolver uniqueViolationResolver() {
        return new SQLStateResolver("23505");
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(CloudEventsPublisher.class)
    OutboxPublisher outboxPublisher(CloudEventsPublisher publisher) {
        return new OutboxPublisher(publisher);
    }
}
