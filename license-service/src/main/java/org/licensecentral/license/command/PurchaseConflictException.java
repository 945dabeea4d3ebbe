package org.licensecentral.license.command;

/** A purchase id that arrived before with other content; the first content stands and nothing changes. */
public class PurchaseConflictException extends RuntimeException {

    public PurchaseConflictException(String purchaseId) {
        super("purchase " + purchaseId + " was already recorded with other content");
    }
}
