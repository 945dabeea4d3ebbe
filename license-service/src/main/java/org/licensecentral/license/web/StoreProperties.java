package org.licensecentral.license.web;

import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code licensecentral.store-url}: where the portal's "Buy" button leads, handed out with the catalog. */
@ConfigurationProperties("licensecentral")
record StoreProperties(String storeUrl) {

    StoreProperties {
        Objects.requireNonNull(storeUrl, "licensecentral.store-url");
    }
}
