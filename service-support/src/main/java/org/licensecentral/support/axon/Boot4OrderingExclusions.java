package org.licensecentral.support.axon;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds the auto-configurations {@link AxonBoot4OrderingAutoConfiguration} imports to
 * {@code spring.autoconfigure.exclude}, merged with whatever exclusions the service, its tests or
 * the command line set (a property of the lowest precedence would be replaced by those, not merged).
 *
 * <p>An exclusion, not an {@code AutoConfigurationImportFilter}: Boot applies the import filters to
 * classes an auto-configuration {@code @Import}s too, so a filter took them out of the import as
 * well (found on this migration).
 */
public class Boot4OrderingExclusions implements EnvironmentPostProcessor {

    static final String EXCLUDE = "spring.autoconfigure.exclude";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Set<String> exclusions = new LinkedHashSet<>(Binder.get(environment)
                .bind(EXCLUDE, String[].class)
                .map(Set::of)
                .orElse(Set.of()));
        exclusions.addAll(AxonBoot4OrderingAutoConfiguration.REORDERED);
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "licensecentralBoot4OrderingExclusions", Map.of(EXCLUDE, String.join(",", exclusions))));
    }
}
