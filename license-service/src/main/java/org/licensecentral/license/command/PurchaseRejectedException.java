package org.licensecentral.license.command;

/** A purchase that names something the catalog does not sell; nothing of it is issued. */
public class PurchaseRejectedException extends RuntimeException {

    public PurchaseRejectedException(String message) {
        super(message);
    }
}
