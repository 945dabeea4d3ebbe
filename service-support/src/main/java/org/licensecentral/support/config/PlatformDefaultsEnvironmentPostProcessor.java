package org.licensecentral.support.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code licensecentral-platform.yml} (actuator, metrics, tracing, problem+json defaults shared
 * by every service) as the property source of lowest precedence, so that a service's own
 * {@code application.yml}, its profiles, the environment and the command line all override it.
 *
 * <p>It also opts out of Axon's update checker, which otherwise calls AxonIQ's servers from every
 * service; Axon reads that switch only as a JVM system property (or environment variable), so it
 * is set here, before Axon starts, unless the JVM was given a value.
 */
public class PlatformDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String RESOURCE = "licensecentral-platform.yml";

    static final String AXON_UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(AXON_UPDATE_CHECKER_DISABLED) == null) {
            System.setProperty(AXON_UPDATE_CHECKER_DISABLED, "true");
        }
        try {
            List<PropertySource<?>> sources =
                    new YamlPropertySourceLoader().load(RESOURCE, new ClassPathResource(RESOURCE));
            sources.forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
