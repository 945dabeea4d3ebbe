package org.licensecentral.license.config;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the event store tells a duplicate (aggregate id, sequence) from other failures. Axon's JDBC
 * default looks for a {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver
 * never throws: it reports SQLState 23505 (unique_violation) on a plain {@code SQLException}. Without
 * this, a second creation of the same aggregate, the way concurrent deliveries of one purchase id
 * meet (issue 15, finding 2), fails as a generic {@code EventStoreException} instead of the
 * {@code AggregateStreamCreationException} the purchase processing handles.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfig {

    @Bean
    PersistenceExceptionResolver uniqueViolationResolver() {
        return new SQLStateResolver("23505");
    }
}
