package org.licensecentral.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;

import org.springframework.context.ApplicationContext;

/**
 * What service-support's {@code AxonBoot4OrderingAutoConfiguration} has to bring about, checked in a
 * running service: Axon 4.13.0's auto-configurations name Boot 3 classes, and without the
 * reordering Axon falls back silently to its no-op transaction manager and an ObjectMapper of its
 * own. The day an Axon release orders itself right and the workaround goes, these stay true.
 */
public final class AxonWiring {

    private AxonWiring() {}

    public static void assertAxonUsesTheServicesInfrastructure(ApplicationContext context) {
        assertThat(context.getBean(EventStorageEngine.class))
                .as("Axon's event store: the JDBC engine on the service's PostgreSQL")
                .isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(context.getBean(TransactionManager.class))
                .as("Axon's transaction manager: Spring's, so that events and tokens commit with the service's data")
                .isInstanceOf(SpringTransactionManager.class);
        assertThat(context.getBeansOfType(ObjectMapper.class))
                .as("one Jackson 2 ObjectMapper, Spring Boot's, and no default one of Axon's")
                .hasSize(1)
                .doesNotContainKey("defaultAxonObjectMapper");
        ObjectMapper bootMapper = context.getBean(ObjectMapper.class);
        for (String name : new String[] {"serializer", "messageSerializer", "eventSerializer"}) {
            Serializer serializer = context.getBean(name, Serializer.class);
            assertThat(serializer).as(name).isInstanceOf(JacksonSerializer.class);
            assertThat(((JacksonSerializer) serializer).getObjectMapper())
                    .as(name + " uses Spring Boot's ObjectMapper")
                    .isSameAs(bootMapper);
        }
    }
}
