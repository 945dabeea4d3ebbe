package org.licensecentral.support.axon;

import java.time.Duration;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * Axon's event store and tracking tokens in the service's own MongoDB database (axon-mongo has no
 * Spring Boot starter). Events are written one document per event, with the unique index on
 * aggregate id and sequence number that makes a concurrent append fail instead of forking an
 * aggregate; nothing here relies on MongoDB transactions, which mongo-java-server does not have.
 */
@AutoConfiguration(after = MongoDataAutoConfiguration.class, before = AxonAutoConfiguration.class)
@ConditionalOnClass(MongoEventStorageEngine.class)
@ConditionalOnBean(MongoDatabaseFactory.class)
public class AxonMongoAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MongoTemplate axonMongoTemplate(MongoDatabaseFactory databaseFactory) {
        return DefaultMongoTemplate.builder().mongoDatabase(databaseFactory.getMongoDatabase()).build();
    }

    /**
     * The tracking processors (projections and outboxes) find new events by timestamp, looking
     * back {@code licensecentral.axon.tracking-look-back} behind the newest event they have read.
     * An event's timestamp is taken when an aggregate applies it, but the event is readable only
     * once its unit of work commits: one that commits later than the look-back after a newer event
     * was read is never delivered to them. Axon's default of one second lost an activation in the
     * benchmark at 100 activations per second (it committed 1.7 s after it was applied). The cost
     * of a longer look-back: each token remembers the ids of the events inside the window, and
     * each poll excludes them.
     */
    @Bean
    @ConditionalOnMissingBean
    EventStorageEngine eventStorageEngine(MongoTemplate axonMongoTemplate,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer serializer,
                                          @Value("${licensecentral.axon.tracking-look-back:PT10S}") Duration lookBack) {
        return MongoEventStorageEngine.builder()
                .mongoTemplate(axonMongoTemplate)
                .storageStrategy(new DocumentPerEventStorageStrategy(EventEntryConfiguration.getDefault(), lookBack))
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .build();
    }

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
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }
}
