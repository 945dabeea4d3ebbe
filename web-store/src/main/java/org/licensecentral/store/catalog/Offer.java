package org.licensecentral.store.catalog;

import java.math.BigDecimal;

/**
 * One edition of a product as the store sells it, with license-service's prices: {@code license}
 * per seat, with the first year of maintenance; {@code yearOfMaintenance} a year renewed for one
 * license. {@link #id()} is what the forms send back.
 */
public record Offer(
        String productCode,
        String productName,
        String edition,
        String currency,
        BigDecimal license,
        BigDecimal yearOfMaintenance) {

    public String id() {
        return productCode + ":" + edition;
    }

    public String title() {
        return productName + " " + edition;
    }
}
