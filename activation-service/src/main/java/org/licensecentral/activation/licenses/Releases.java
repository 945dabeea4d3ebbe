package org.licensecentral.activation.licenses;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The releases of every product, kept from {@code license.events} (saved by id, so a redelivery
 * or the catalog published again changes nothing): which builds a license's maintenance covers.
 */
@Component
public class Releases {

    private final MongoTemplate mongo;

    public Releases(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void published(String productCode, String version, LocalDate releasedAt) {
        mongo.save(new ReleaseRecord(productCode + ":" + version, productCode, version, releasedAt));
    }

    /**
     * The newest version of the product released on or before the last day of maintenance; every
     * version up to it may be installed. A product has a few dozen releases, so they are compared
     * here rather than in a query.
     */
    public Optional<ProductVersion> newestCovered(String productCode, LocalDate maintenanceUntil) {
        return mongo.find(Query.query(Criteria.where("productCode").is(productCode)), ReleaseRecord.class).stream()
                .filter(release -> !release.releasedAt().isAfter(maintenanceUntil))
                .map(release -> ProductVersion.parse(release.version()))
                .max(Comparator.naturalOrder());
    }
}
