package org.licensecentral.store.config;

import org.licensecentral.storepurchases.StorePurchases;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The store's one Kafka producer: store-purchases' {@link StorePurchases}, the record format shared with the demo seed. */
@Configuration(proxyBeanMethods = false)
class MessagingConfig {

    @Bean(destroyMethod = "close")
    StorePurchases storePurchases(StoreProperties properties) {
        return new StorePurchases(
                properties.kafka().bootstrapServers(), properties.kafka().properties());
    }
}
