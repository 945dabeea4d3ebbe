package org.licensecentral.support.axon;

import java.util.List;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * Boot 4 moved the auto-configurations that third-party ones order themselves after, and two of
 * ours did not follow:
 * <ul>
 *   <li>Axon Framework 4.13.0's {@code JdbcAutoConfiguration}, {@code TransactionAutoConfiguration}
 *       and {@code ObjectMapperAutoConfiguration} order after Boot 3's
 *       {@code org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration}
 *       and {@code org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration} (or only
 *       after Axon's JPA ones). On Boot 4 they ran before the {@code DataSource}, the transaction
 *       manager and the {@code ObjectMapper} existed: no JDBC event store (the context failed), and,
 *       silently, Axon's no-op transaction manager and its own {@code ObjectMapper};</li>
 *   <li>db-scheduler 16.7.1's {@code DbSchedulerAutoConfiguration} orders after Boot 3's
 *       {@code org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration} and needs a
 *       {@code DataSource} bean: on Boot 4 it would run first and create no scheduler (and then Axon
 *       no db-scheduler deadline manager).</li>
 * </ul>
 * This configuration imports those of them that are on the class path after Boot 4's DataSource,
 * transaction manager and Jackson 2 auto-configurations (by name: a service without JDBC has none)
 * and before the Axon configurations that expect them to have run; {@link Boot4OrderingExclusions}
 * adds them to {@code spring.autoconfigure.exclude}, merged with the service's own exclusions, so they
 * do not run in their own place too. Remove both once Axon and db-scheduler releases order after Boot 4's names
 * (docs/spring-boot-4.md).
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jackson2.autoconfigure.Jackson2AutoConfiguration"
        },
        beforeName = {
            "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
            "org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration",
            "org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration",
            "org.axonframework.springboot.autoconfig.InfraConfiguration",
            "org.axonframework.springboot.autoconfig.InterceptorAutoConfiguration",
            "org.axonframework.springboot.autoconfig.AxonDbSchedulerAutoConfiguration"
        })
@Import(AxonBoot4OrderingAutoConfiguration.Reordered.class)
public class AxonBoot4OrderingAutoConfiguration {

    /** In this order: the transaction manager and the ObjectMapper before the engine that uses them. */
    static final List<String> REORDERED = List.of(
            "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
            "org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration",
            "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
            "com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration");

    static class Reordered implements ImportSelector, BeanClassLoaderAware {

        private ClassLoader classLoader;

        @Override
        public void setBeanClassLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
        }

        @Override
        public String[] selectImports(AnnotationMetadata metadata) {
            return REORDERED.stream()
                    .filter(name -> ClassUtils.isPresent(name, classLoader))
                    .toArray(String[]::new);
        }
    }
}
