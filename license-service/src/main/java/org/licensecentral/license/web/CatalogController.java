package org.licensecentral.license.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.licensecentral.license.catalog.Catalog;
import org.licensecentral.license.catalog.Product;
import org.licensecentral.license.catalog.Release;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What can be bought and downloaded, and where the store is; releases are added by the build pipeline. */
@Tag(
        name = "Catalog",
        description =
                "The products that can be bought, their editions, prices and newest releases, and the store's address.")
// No login: the catalog is what any shop window shows, and the store page (web-store) reads its
// products and prices from here (licensecentral.security.public-paths).
@RestController
class CatalogController {

    record ReleaseView(String version, LocalDate releasedAt, String downloadUrl) {

        static ReleaseView of(Release release) {
            return new ReleaseView(release.version(), release.releasedAt(), release.downloadUrl());
        }
    }

    @Schema(
            description =
                    "The store's price of one edition: a license with one seat and its first year of maintenance, "
                            + "and a year of maintenance renewed for one license.")
    record PriceView(
            String edition,

            @Schema(description = "ISO 4217", example = "EUR")
            String currency,

            @Schema(example = "79.00") BigDecimal license,
            @Schema(example = "39.00") BigDecimal yearOfMaintenance) {

        static PriceView of(Product.EditionPrice price) {
            return new PriceView(price.edition(), price.currency(), price.license(), price.yearOfMaintenance());
        }
    }

    record ProductView(
            String code,
            String name,
            List<String> editions,
            boolean remoteManagement,
            ReleaseView latestRelease,

            @Schema(description = "One per edition, in the order of the editions.")
            List<PriceView> prices) {}

    record CatalogView(String storeUrl, List<ProductView> products) {}

    private final Catalog catalog;
    private final String storeUrl;

    CatalogController(Catalog catalog, StoreProperties store) {
        this.catalog = catalog;
        this.storeUrl = store.storeUrl();
    }

    @Operation(
            summary = "The product catalog",
            description = "Every product with its editions and their prices, whether it has Remote Management, its "
                    + "newest release, and the store's address for the portal's Buy button. Needs no login.")
    @GetMapping("/api/v1/catalog")
    CatalogView catalog() {
        Catalog.Releases releases = catalog.releases();
        return new CatalogView(
                storeUrl,
                catalog.products().stream()
                        .map(p -> new ProductView(
                                p.code(),
                                p.name(),
                                p.editions(),
                                p.remoteManagementSince() != null,
                                releases.latest(p.code()).map(ReleaseView::of).orElse(null),
                                p.editions().stream()
                                        .map(edition -> p.price(edition)
                                                .map(PriceView::of)
                                                .orElseThrow())
                                        .toList()))
                        .toList());
    }

    @PostMapping("/internal/releases")
    @ResponseStatus(HttpStatus.CREATED)
    ReleaseView addRelease(@Valid @RequestBody Release release) {
        return ReleaseView.of(catalog.addRelease(release));
    }
}
