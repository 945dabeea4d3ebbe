package org.licensecentral.license.query;

import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.licensecentral.license.api.LicenseActivationStatusChangedEvent;
import org.licensecentral.license.api.LicenseAttachedEvent;
import org.licensecentral.license.api.LicenseIssuedEvent;
import org.licensecentral.license.api.MaintenanceExtendedEvent;
import org.licensecentral.license.api.RemoteManagementToggledEvent;
import org.licensecentral.license.catalog.Catalog;
import org.licensecentral.license.catalog.Product;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code licenses} read model. Every handler sets values by license id (never adds to
 * them), so a replay or a redelivered event leaves the same row.
 */
@Component
@ProcessingGroup(LicenseProjection.PROCESSING_GROUP)
public class LicenseProjection {

    /** Shared with the Kafka publisher: one tracking processor polls this service's event store. */
    public static final String PROCESSING_GROUP = "license-events";

    private final MongoTemplate mongo;
    private final Catalog catalog;

    public LicenseProjection(MongoTemplate mongo, Catalog catalog) {
        this.mongo = mongo;
        this.catalog = catalog;
    }

    @EventHandler
    void on(LicenseIssuedEvent event) {
        // A product later dropped from the catalog still shows, under its code.
        Product product = catalog.product(event.productCode())
                .orElse(new Product(event.productCode(), event.productCode(), List.of(event.edition()), null, null));
        mongo.save(new LicenseView(
                event.licenseId(),
                event.licenseKey(),
                event.purchaseId(),
                event.purchaseEmail(),
                event.productCode(),
                product.name(),
                event.edition(),
                event.purchasedAt(),
                event.maintenanceUntil(),
                event.maxActivations(),
                0,
                LicenseView.ActivationStatus.NOT_ACTIVATED,
                null,
                event.remoteManagementSince() != null,
                false));
    }

    @EventHandler
    void on(MaintenanceExtendedEvent event) {
        mongo.updateFirst(
                byId(event.licenseId()),
                new Update().set("maintenanceUntil", event.maintenanceUntil()),
                LicenseView.class);
    }

    @EventHandler
    void on(LicenseAttachedEvent event) {
        mongo.updateFirst(
                byId(event.licenseId()), new Update().set("ownerAccountId", event.toAccount()), LicenseView.class);
    }

    @EventHandler
    void on(RemoteManagementToggledEvent event) {
        mongo.updateFirst(
                byId(event.licenseId()),
                new Update().set("remoteManagementAllowed", event.allowed()),
                LicenseView.class);
    }

    @EventHandler
    void on(LicenseActivationStatusChangedEvent event) {
        mongo.updateFirst(
                byId(event.licenseId()),
                new Update()
                        .set("activeActivations", event.activeActivations())
                        .set(
                                "status",
                                event.activated()
                                        ? LicenseView.ActivationStatus.ACTIVATED
                                        : LicenseView.ActivationStatus.NOT_ACTIVATED),
                LicenseView.class);
    }

    private static Query byId(String licenseId) {
        return Query.query(Criteria.where("_id").is(licenseId));
    }
}
