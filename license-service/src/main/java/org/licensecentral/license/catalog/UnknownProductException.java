package org.licensecentral.license.catalog;

/** A product code the catalog does not sell. */
public class UnknownProductException extends RuntimeException {

    public UnknownProductException(String productCode) {
        super("unknown product '" + productCode + "'");
    }
}
