package org.licensecentral.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;
import org.springframework.util.ClassUtils;

/**
 * Puts a Spring test context on the shared {@link TestInfrastructure}: Kafka (plain Spring Kafka
 * and the Spring Cloud Stream binder), PostgreSQL and MongoDB (a database named after
 * {@code spring.application.name} in each; in PostgreSQL with a role of its own, as the services
 * run), SMTP, and the JWKS of the {@link TestJwtIssuer}. Use it next to {@code @SpringBootTest}; contexts with
 * the same configuration are cached and reused across test classes as usual.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = RealInfrastructure.Initializer.class)
public @interface RealInfrastructure {

    class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        /** Property sources of a test class's own settings, highest precedence first. */
        private static final List<String> TEST_OWN_SOURCES =
                List.of("Dynamic Test Properties", TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME);

        static final String DATABASE_PASSWORD = "test-only-password";
        private static final String JDBC_MARKER = "org.springframework.jdbc.datasource.DataSourceTransactionManager";

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestInfrastructure infrastructure = TestInfrastructure.get();
            String database = context.getEnvironment().getProperty("spring.application.name", "test");
            String kafka = infrastructure.kafkaBootstrapServers();
            Map<String, Object> properties = new HashMap<>(Map.of(
                    "spring.kafka.bootstrap-servers",
                    kafka,
                    "spring.cloud.stream.kafka.binder.brokers",
                    kafka,
                    "spring.mongodb.uri",
                    infrastructure.mongoConnectionString() + "/" + database,
                    "spring.mail.host",
                    "127.0.0.1",
                    "spring.mail.port",
                    infrastructure.mail().getSmtp().getPort(),
                    "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                    TestJwtIssuer.get().jwkSetUri(),
                    "licensecentral.security.issuer",
                    TestJwtIssuer.ISSUER));
            // PostgreSQL only for a service that has a JDBC store (license- and activation-service
            // keep their events there); the others do not pay for starting it.
            if (ClassUtils.isPresent(JDBC_MARKER, context.getClassLoader())) {
                String sqlDatabase = database.replace('-', '_');
                PostgresServer postgres = infrastructure.postgres();
                postgres.ensureDatabase(sqlDatabase, DATABASE_PASSWORD);
                properties.put("spring.datasource.url", postgres.jdbcUrl(sqlDatabase));
                properties.put("spring.datasource.username", sqlDatabase);
                properties.put("spring.datasource.password", DATABASE_PASSWORD);
            }
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            MapPropertySource infrastructureProperties =
                    new MapPropertySource("licensecentral-test-infrastructure", properties);
            // Above the application's own configuration, below what a test class sets itself
            // (@SpringBootTest properties, @DynamicPropertySource), so a test can still point one
            // setting elsewhere, such as an SMTP server it stops and starts.
            String testOwn = TEST_OWN_SOURCES.stream()
                    .filter(sources::contains)
                    .reduce((first, second) -> second)
                    .orElse(null);
            if (testOwn == null) {
                sources.addFirst(infrastructureProperties);
            } else {
                sources.addAfter(testOwn, infrastructureProperties);
            }
        }
    }
}
