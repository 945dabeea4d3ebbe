package org.licensecentral.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Puts a Spring test context on the shared {@link TestInfrastructure}: Kafka (plain Spring Kafka
 * and the Spring Cloud Stream binder), MongoDB (a database named after
 * {@code spring.application.name}), SMTP, and the JWKS of the {@link TestJwtIssuer}. Use it next to {@code @SpringBootTest}; contexts with
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

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestInfrastructure infrastructure = TestInfrastructure.get();
            String database = context.getEnvironment().getProperty("spring.application.name", "test");
            String kafka = infrastructure.kafkaBootstrapServers();
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            MapPropertySource infrastructureProperties = new MapPropertySource("licensecentral-test-infrastructure",
                    Map.of("spring.kafka.bootstrap-servers", kafka,
                            "spring.cloud.stream.kafka.binder.brokers", kafka,
                            "spring.data.mongodb.uri", infrastructure.mongoConnectionString() + "/" + database,
                            "spring.mail.host", "127.0.0.1",
                            "spring.mail.port", infrastructure.mail().getSmtp().getPort(),
                            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestJwtIssuer.get().jwkSetUri()));
            // Above the application's own configuration, below what a test class sets itself
            // (@SpringBootTest properties, @DynamicPropertySource), so a test can still point one
            // setting elsewhere, such as an SMTP server it stops and starts.
            String testOwn = TEST_OWN_SOURCES.stream().filter(sources::contains).reduce((first, second) -> second).orElse(null);
            if (testOwn == null) {
                sources.addFirst(infrastructureProperties);
            } else {
                sources.addAfter(testOwn, infrastructureProperties);
            }
        }
    }
}
