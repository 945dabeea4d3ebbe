package org.licensecentral.license.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A product that can be bought. {@code remoteManagementSince} is the first version whose installed
 * product honours the Remote Management switch; null where the product has none. {@code prices}:
 * what the store charges, one price per edition; null for a product known only from its licenses
 * (the projection's fallback for a code the catalog no longer has).
 */
public record Product(
        String code, String name, List<String> editions, String remoteManagementSince, List<EditionPrice> prices) {

    /**
     * The store's price of a license of one edition, with its first year of maintenance, per seat;
     * {@code yearOfMaintenance}: what a renewal adds per year to one license. Amounts in
     * {@code currency} (ISO 4217), exact decimals.
     */
    public record EditionPrice(String edition, String currency, BigDecimal license, BigDecimal yearOfMaintenance) {}

    /** catalog.json sells every edition at one price, or the store could not sell it: a gap fails the start. */
    public Product {
        if (prices != null) {
            List<String> priced =
                    prices.stream().map(EditionPrice::edition).sorted().toList();
            if (!priced.equals(editions.stream().sorted().toList())) {
                throw new IllegalArgumentException(
                        code + ": prices for " + priced + ", but the editions are " + editions + ", one price each");
            }
        }
    }

    public boolean hasEdition(String edition) {
        return editions.contains(edition);
    }

    public Optional<EditionPrice> price(String edition) {
        return prices == null
                ? Optional.empty()
                : prices.stream().filter(p -> p.edition().equals(edition)).findFirst();
    }
}
