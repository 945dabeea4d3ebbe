package org.licensecentral.store.purchase;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.licensecentral.store.catalog.Offer;
import org.licensecentral.storepurchases.StorePurchases;

import org.springframework.stereotype.Service;

/**
 * Completes a purchase: prices it from the catalog's offer, gives it a new purchase id, and
 * publishes it to {@code store.purchases} in the store's record
 * ({@code docs/events/org.licensecentral.store.purchase-completed.v1.schema.json}); license-service
 * turns it into licenses, or a renewal into longer maintenance. Returns only once the broker has it,
 * so a confirmation page never shows a purchase that was lost. There is no payment: this is the
 * local stack's store.
 */
@Service
public class Checkout {

    /** The record on {@code store.purchases}; null fields are left out, as the schema allows. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PurchaseRecord(String purchaseId, String email, String purchasedAt, List<Item> items) {

        @JsonInclude(JsonInclude.Include.NON_NULL)
        record Item(
                String productCode,
                String edition,
                int quantity,
                int maintenanceMonths,
                Integer seats,
                String renewsLicenseKey) {}
    }

    /** Purchase ids: "WS-" and ten symbols without look-alikes, about 50 bits, never reused by chance. */
    private static final String ID_SYMBOLS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private final StorePurchases store;
    private final ObjectMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Checkout(StorePurchases store, ObjectMapper json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /** Licenses of the offer's edition: each with its seats and years of maintenance. */
    public Receipt buy(PurchaseForm form, Offer offer) throws InterruptedException {
        int years = form.getYears();
        BigDecimal total = purchasePrice(offer, form.getQuantity(), form.getSeats(), years);
        PurchaseRecord.Item item = new PurchaseRecord.Item(
                offer.productCode(), offer.edition(), form.getQuantity(), 12 * years, form.getSeats(), null);
        String purchaseId = publish(form.getEmail(), item);
        return new Receipt(
                purchaseId,
                form.getEmail(),
                form.getQuantity() + " × " + offer.title() + ", " + seats(form.getSeats()) + " each, " + years(years)
                        + " of maintenance",
                offer.currency(),
                total,
                false);
    }

    /** More maintenance for one license of the offer's product. */
    public Receipt renew(RenewalForm form, Offer offer) throws InterruptedException {
        int years = form.getYears();
        String licenseKey = form.getLicenseKey().toUpperCase(Locale.ROOT);
        PurchaseRecord.Item item =
                new PurchaseRecord.Item(offer.productCode(), offer.edition(), 1, 12 * years, null, licenseKey);
        String purchaseId = publish(form.getEmail(), item);
        return new Receipt(
                purchaseId,
                form.getEmail(),
                years(years) + " of maintenance for the " + offer.title() + " license ending "
                        + licenseKey.substring(licenseKey.lastIndexOf('-') + 1),
                offer.currency(),
                renewalPrice(offer, years),
                true);
    }

    /**
     * Licenses are priced per seat with their first year of maintenance; each further year costs
     * the renewal price, per seat too, as it would if bought later.
     */
    static BigDecimal purchasePrice(Offer offer, int quantity, int seats, int years) {
        BigDecimal perSeat = offer.license().add(offer.yearOfMaintenance().multiply(BigDecimal.valueOf(years - 1)));
        return perSeat.multiply(BigDecimal.valueOf((long) quantity * seats));
    }

    /**
     * A renewal is priced per license, whatever its seats: the store learns nothing of the license but
     * its key and product, and license-service extends it as one.
     */
    static BigDecimal renewalPrice(Offer offer, int years) {
        return offer.yearOfMaintenance().multiply(BigDecimal.valueOf(years));
    }

    private String publish(String email, PurchaseRecord.Item item) throws InterruptedException {
        String purchaseId = newPurchaseId();
        // Whole seconds: the time a receipt shows, and a ce_time any reader parses.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        store.publish(json.valueToTree(new PurchaseRecord(purchaseId, email, now.toString(), List.of(item))));
        return purchaseId;
    }

    private String newPurchaseId() {
        StringBuilder id = new StringBuilder("WS-");
        for (int i = 0; i < 10; i++) {
            id.append(ID_SYMBOLS.charAt(random.nextInt(ID_SYMBOLS.length())));
        }
        return id.toString();
    }

    private static String seats(int seats) {
        return seats == 1 ? "1 machine" : seats + " machines";
    }

    private static String years(int years) {
        return years == 1 ? "1 year" : years + " years";
    }
}
