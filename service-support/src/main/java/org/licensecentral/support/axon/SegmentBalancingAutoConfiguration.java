package org.licensecentral.support.axon;

import java.time.Duration;
import java.util.concurrent.Executors;
import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every event-sourced service's {@link SegmentBalancer}: on by default, off with
 * {@code licensecentral.axon.balancing.enabled=false}; it looks every
 * {@code licensecentral.axon.balancing.interval} and gives a segment up for the token store's claim
 * timeout, so that the instance it gave it up for has that long to take it.
 */
@AutoConfiguration(after = {AxonAutoConfiguration.class, AxonBoot4OrderingAutoConfiguration.class})
@ConditionalOnClass({EventProcessingConfiguration.class, JdbcTemplate.class})
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(name = "licensecentral.axon.balancing.enabled", matchIfMissing = true)
public class SegmentBalancingAutoConfiguration {

    @Bean
    SegmentBalancer segmentBalancer(
            DataSource dataSource,
            EventProcessingConfiguration processing,
            TokenStore tokenStore,
            TransactionManager transactionManager,
            ObjectProvider<MeterRegistry> meterRegistry,
            Environment environment) {
        SegmentBalancer balancer = new SegmentBalancer(
                new JdbcTemplate(dataSource),
                processing,
                tokenStore,
                transactionManager,
                Executors.newSingleThreadScheduledExecutor(new AxonThreadFactory("SegmentBalancer")),
                environment.getProperty(
                        "licensecentral.axon.balancing.interval", Duration.class, Duration.ofSeconds(5)),
                environment.getRequiredProperty("axon.eventhandling.tokenstore.claim-timeout", Duration.class));
        meterRegistry.ifAvailable(balancer::bindMetrics);
        return balancer;
    }
}
