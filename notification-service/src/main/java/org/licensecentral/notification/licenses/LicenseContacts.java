package org.licensecentral.notification.licenses;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.licensecentral.notification.delivery.DeliveryService;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The view of {@code license.events} and the mails that follow from license facts: a machine
 * activated (to the owner) and the maintenance reminders. Every update sets values by license id,
 * so a redelivered event changes nothing; every mail's id derives from what it announces, so the
 * delivery log sends it once.
 */
@Service
public class LicenseContacts {

    private final MongoTemplate mongo;
    private final DeliveryService deliveries;
    private final Map<String, String> productNames;
    private final Period endingNotice;

    public LicenseContacts(
            MongoTemplate mongo,
            DeliveryService deliveries,
            @Value("#{${licensecentral.mail.product-names}}") Map<String, String> productNames,
            ReminderProperties reminders) {
        this.mongo = mongo;
        this.deliveries = deliveries;
        this.productNames = productNames;
        this.endingNotice = reminders.endingNotice();
    }

    public void issued(
            String licenseId,
            String licenseKey,
            String productCode,
            String edition,
            String purchaseEmail,
            LocalDate maintenanceUntil) {
        mongo.upsert(
                byId(licenseId),
                new Update()
                        .set("licenseKey", licenseKey)
                        .set("productCode", productCode)
                        .set("edition", edition)
                        .setOnInsert("ownerEmail", purchaseEmail)
                        .setOnInsert("maintenanceUntil", maintenanceUntil)
                        .setOnInsert("endingNoticeSent", false)
                        .setOnInsert("endedNoticeSent", false),
                LicenseContact.class);
    }

    public void attached(String licenseId, String toEmail) {
        mongo.updateFirst(byId(licenseId), new Update().set("ownerEmail", toEmail), LicenseContact.class);
    }

    /** A renewal: the reminders start over for the new end. */
    public void maintenanceExtended(String licenseId, LocalDate maintenanceUntil) {
        mongo.updateFirst(
                byId(licenseId),
                new Update()
                        .set("maintenanceUntil", maintenanceUntil)
                        .set("endingNoticeSent", false)
                        .set("endedNoticeSent", false),
                LicenseContact.class);
    }

    public Optional<LicenseContact> find(String licenseId) {
        return Optional.ofNullable(mongo.findById(licenseId, LicenseContact.class));
    }

    public void machineActivated(
            String eventId, LicenseContact license, String hostname, String productVersion, Instant at) {
        Map<String, Object> data = licenseData(license);
        data.put("hostname", String.valueOf(hostname));
        data.put("productVersion", String.valueOf(productVersion));
        data.put("at", at);
        deliveries.deliver(eventId + "/machine-activated", "machine-activated", license.ownerEmail(), data, at);
    }

    /** The daily job's work for one day: "ends within the notice" and "has ended", once each per license and end date. */
    public int sendMaintenanceReminders(LocalDate today) {
        int sent = 0;
        List<LicenseContact> ending = mongo.find(
                Query.query(Criteria.where("endingNoticeSent")
                        .is(false)
                        .and("maintenanceUntil")
                        .gte(today)
                        .lte(today.plus(endingNotice))),
                LicenseContact.class);
        for (LicenseContact license : ending) {
            remind(license, "maintenance-ending");
            mongo.updateFirst(
                    byId(license.licenseId()), new Update().set("endingNoticeSent", true), LicenseContact.class);
            sent++;
        }
        List<LicenseContact> ended = mongo.find(
                Query.query(Criteria.where("endedNoticeSent")
                        .is(false)
                        .and("maintenanceUntil")
                        .lt(today)),
                LicenseContact.class);
        for (LicenseContact license : ended) {
            remind(license, "maintenance-ended");
            // An ended license needs no "ending" notice any more.
            mongo.updateFirst(
                    byId(license.licenseId()),
                    new Update().set("endedNoticeSent", true).set("endingNoticeSent", true),
                    LicenseContact.class);
            sent++;
        }
        return sent;
    }

    private void remind(LicenseContact license, String template) {
        Map<String, Object> data = licenseData(license);
        data.put("maintenanceUntil", license.maintenanceUntil());
        deliveries.deliver(
                license.licenseId() + "/" + template + "/" + license.maintenanceUntil(),
                template,
                license.ownerEmail(),
                data,
                null);
    }

    /** What every mail about one license names it by; the templates shorten the key to its last group. */
    private Map<String, Object> licenseData(LicenseContact license) {
        Map<String, Object> data = new HashMap<>();
        data.put("product", productName(license));
        data.put("edition", license.edition());
        data.put("licenseKey", license.licenseKey());
        return data;
    }

    private String productName(LicenseContact license) {
        return productNames.getOrDefault(license.productCode(), license.productCode());
    }

    private static Query byId(String licenseId) {
        return Query.query(Criteria.where("_id").is(licenseId));
    }
}
