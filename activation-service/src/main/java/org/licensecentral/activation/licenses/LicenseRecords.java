package org.licensecentral.activation.licenses;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The license view: kept from {@code license.events} by setting values per license id, so a redelivery changes nothing. */
@Component
public class LicenseRecords {

    private final MongoTemplate mongo;

    public LicenseRecords(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Every installed product's call looks its license up by key: a unique index makes that a
     * lookup instead of a scan, on MongoDB and on the MongoDB-wire server alike (which answers
     * equality queries from unique indexes only).
     */
    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        mongo.indexOps(LicenseRecord.class).ensureIndex(new Index("licenseKey", Sort.Direction.ASC).unique());
    }

    public void issued(
            String licenseId,
            String licenseKey,
            String purchaseEmail,
            String productCode,
            String edition,
            int maxActivations,
            LocalDate maintenanceUntil,
            String remoteManagementSince) {
        mongo.upsert(
                byId(licenseId),
                new Update()
                        .set("licenseKey", licenseKey)
                        .set("purchaseEmail", purchaseEmail)
                        .set("productCode", productCode)
                        .set("edition", edition)
                        .set("maxActivations", maxActivations)
                        .set("remoteManagementSince", remoteManagementSince)
                        .setOnInsert("maintenanceUntil", maintenanceUntil)
                        .setOnInsert("remoteManagementAllowed", false),
                LicenseRecord.class);
    }

    public void attached(String licenseId, String toAccount, String toEmail) {
        mongo.updateFirst(
                byId(licenseId),
                new Update().set("ownerAccountId", toAccount).set("ownerEmail", toEmail),
                LicenseRecord.class);
    }

    public void maintenanceExtended(String licenseId, LocalDate maintenanceUntil) {
        mongo.updateFirst(byId(licenseId), new Update().set("maintenanceUntil", maintenanceUntil), LicenseRecord.class);
    }

    public void remoteManagementToggled(String licenseId, boolean allowed) {
        mongo.updateFirst(byId(licenseId), new Update().set("remoteManagementAllowed", allowed), LicenseRecord.class);
    }

    public Optional<LicenseRecord> byKey(String licenseKey) {
        return Optional.ofNullable(mongo.findOne(
                Query.query(Criteria.where("licenseKey").is(normalizedKey(licenseKey))), LicenseRecord.class));
    }

    /** A license key as it is stored, and as every count keyed by a license key must read it. */
    public static String normalizedKey(String licenseKey) {
        return licenseKey.trim().toUpperCase(Locale.ROOT);
    }

    public Optional<LicenseRecord> find(String licenseId) {
        return Optional.ofNullable(mongo.findById(licenseId, LicenseRecord.class));
    }

    /** The licenses an account holds. */
    public List<LicenseRecord> heldBy(String accountId, String verifiedEmail) {
        Criteria attached = Criteria.where("ownerAccountId").is(accountId);
        Criteria criteria = verifiedEmail == null
                ? attached
                : new Criteria()
                        .orOperator(
                                attached,
                                Criteria.where("ownerAccountId")
                                        .is(null)
                                        .and("purchaseEmail")
                                        .is(verifiedEmail));
        return mongo.find(Query.query(criteria), LicenseRecord.class);
    }

    private static Query byId(String licenseId) {
        return Query.query(Criteria.where("_id").is(licenseId));
    }
}
