package org.licensecentral.support.axon;

import java.time.Duration;
import java.util.concurrent.Executors;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The command gateway every service sends with: Axon's own, with a {@link ConflictRetryScheduler},
 * so that two instances deciding on one aggregate at once both succeed or fail on the rules, and
 * neither on the race (issue 18). Before Axon's auto-configuration, whose gateway steps back for
 * this one; Axon's dispatch interceptors are registered on whichever gateway there is.
 */
@AutoConfiguration(before = {AxonAutoConfiguration.class, AxonBoot4OrderingAutoConfiguration.class})
@ConditionalOnClass(CommandGateway.class)
public class CommandRetryAutoConfiguration {

    /**
     * Retries wait and run on a few threads of their own, so that one slow retry does not hold up
     * the others; not a bean, which Spring's task scheduling would take for its own scheduler.
     */
    @Bean
    @ConditionalOnMissingBean
    ConflictRetryScheduler conflictRetryScheduler(Environment environment) {
        return new ConflictRetryScheduler(
                Executors.newScheduledThreadPool(
                        Math.max(2, Runtime.getRuntime().availableProcessors()), new AxonThreadFactory("CommandRetry")),
                environment.getRequiredProperty("licensecentral.commands.conflict-attempts", Integer.class),
                environment.getRequiredProperty("licensecentral.commands.conflict-backoff", Duration.class));
    }

    @Bean
    @ConditionalOnMissingBean
    CommandGateway commandGateway(CommandBus commandBus, ConflictRetryScheduler conflictRetryScheduler) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(conflictRetryScheduler)
                .build();
    }
}
