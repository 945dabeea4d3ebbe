package org.licensecentral.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

/** The limits' defaults in application.yml bind to GatewayProperties with the values the README lists. */
class GatewayPropertiesTest {

    private static GatewayProperties defaults() throws IOException {
        var yaml = new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"))
                .get(0);
        // The secret has no default anywhere (issue 15, finding 1); the record refuses to exist without one.
        ConfigurationPropertySource secret = new MapConfigurationPropertySource(
                Map.of("licensecentral.gateway.identity.client-secret", "test-only"));
        List<ConfigurationPropertySource> sources = new ArrayList<>();
        sources.add(secret);
        ConfigurationPropertySources.from(yaml).forEach(sources::add);
        return new Binder(sources)
                .bind("licensecentral.gateway", GatewayProperties.class)
                .get();
    }

    @Test
    void slowClientsGetTenSecondsForHeadersThirtyForABodyAndFifteenOfSilence() throws IOException {
        assertThat(defaults().timeouts())
                .isEqualTo(new GatewayProperties.Timeouts(
                        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(15)));
    }

    @Test
    void requestsAreLimitedTo64KilobytesOfBodyAnd8192CharactersOfUri() throws IOException {
        GatewayProperties properties = defaults();

        assertThat(properties.maxRequestBody()).isEqualTo(DataSize.ofKilobytes(64));
        assertThat(properties.maxUriLength()).isEqualTo(8192);
    }

    @Test
    void theSchedulerCheckWaitsFiveSeconds() throws IOException {
        assertThat(defaults().schedulerCheck()).isEqualTo(Duration.ofSeconds(5));
    }
}
