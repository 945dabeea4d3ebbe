package org.licensecentral.store.config;

import java.net.URI;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code licensecentral.store}.
 *
 * @param catalogUrl license-service's catalog (products, editions, prices), read without a login
 * @param portalUrl  where a buyer sees the licenses bought: the confirmation page links there
 * @param kafka      the broker the purchases go to, and any further producer properties (SASL in docker-compose)
 */
@Validated
@ConfigurationProperties("licensecentral.store")
public record StoreProperties(
        @NotNull URI catalogUrl,
        @NotNull URI portalUrl,
        @NotNull Kafka kafka) {

    public record Kafka(@NotBlank String bootstrapServers, Map<String, String> properties) {

        public Kafka {
            properties = properties == null ? Map.of() : Map.copyOf(properties);
        }
    }
}
