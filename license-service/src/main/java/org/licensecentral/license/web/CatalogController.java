package org.licensecentral.license.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.licensecentral.license.catalog.Catalog;
import org.licensecentral.license.catalog.Release;
import org.licensecentral.support.web.OpenApiAutoConfiguration;

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
                "The products that can be bought, their editions and newest releases, and the " + "store's address.")
@SecurityRequirement(name = OpenApiAutoConfiguration.PORTAL_TOKEN)
@RestController
class CatalogController {

    record ReleaseView(String version, LocalDate releasedAt, String downloadUrl) {

        static ReleaseView of(Release release) {
            return new ReleaseView(release.version(), release.releasedAt(), release.downloadUrl());
        }
    }

    record ProductView(
            String code, String name, List<String> editions, boolean remoteManagement, ReleaseView latestRelease) {}

    record CatalogView(String storeUrl, List<ProductView> products) {}

    private final Catalog catalog;
    private final String storeUrl;

    CatalogController(Catalog catalog, StoreProperties store) {
        this.catalog = catalog;
        this.storeUrl = store.storeUrl();
    }

    @Operation(
            summary = "The product catalog",
            description = "Every product with its editions, whether it has Remote Management, its newest release, and "
                    + "the store's address for the portal's Buy button.")
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
                                releases.latest(p.code()).map(ReleaseView::of).orElse(null)))
                        .toList());
    }

    @PostMapping("/internal/releases")
    @ResponseStatus(HttpStatus.CREATED)
    ReleaseView addRelease(@Valid @RequestBody Release release) {
        return ReleaseView.of(catalog.addRelease(release));
    }
}
