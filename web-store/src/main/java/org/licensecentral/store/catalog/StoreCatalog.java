package org.licensecentral.store.catalog;

import java.util.List;
import java.util.Optional;

/** The products on sale, each with its editions' offers, in the catalog's order. */
public record StoreCatalog(List<Product> products) {

    public record Product(String code, String name, List<Offer> offers) {}

    public List<Offer> offers() {
        return products.stream().flatMap(p -> p.offers().stream()).toList();
    }

    /** The offer a form names; empty for anything the catalog does not sell (a stale page, a forged form). */
    public Optional<Offer> offer(String id) {
        return offers().stream().filter(o -> o.id().equals(id)).findFirst();
    }
}
