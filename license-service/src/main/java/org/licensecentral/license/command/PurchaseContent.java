package org.licensecentral.license.command;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.licensecentral.license.api.PurchaseCompleted;

/**
 * A purchase's content in the form that decides what it issues, so that two deliveries count as the
 * same purchase exactly when they would issue the same: the e-mail lower-cased and a renewed key
 * trimmed and upper-cased (as processing uses them), the time as an instant, absent seats as 1, a
 * blank renewed key as none. Items keep their order, since a license's id derives from its item's
 * position. Each field is length-prefixed, so no two contents run together into one form.
 */
public final class PurchaseContent {

    private PurchaseContent() {}

    /** The SHA-256 of the canonical form, in hex. */
    public static String hash(PurchaseCompleted purchase) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String field : canonicalFields(purchase)) {
                sha256.update((field.length() + ":" + field + ";").getBytes(UTF_8));
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static List<String> canonicalFields(PurchaseCompleted purchase) {
        List<String> fields = new ArrayList<>(List.of(
                purchase.purchaseId(),
                purchase.email().toLowerCase(Locale.ROOT),
                purchase.purchasedAt().toString(),
                Integer.toString(purchase.items().size())));
        for (PurchaseCompleted.Item item : purchase.items()) {
            fields.addAll(List.of(
                    item.productCode(),
                    item.edition(),
                    Integer.toString(item.quantity()),
                    Integer.toString(item.maintenanceMonths()),
                    Integer.toString(item.seatsOrDefault()),
                    item.isRenewal() ? LicenseKeys.normalise(item.renewsLicenseKey()) : ""));
        }
        return fields;
    }
}
