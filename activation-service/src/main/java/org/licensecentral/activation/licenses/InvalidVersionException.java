package org.licensecentral.activation.licenses;

/** A product version that is not one: 1 to 4 dot-separated numbers of up to 6 digits. */
public class InvalidVersionException extends RuntimeException {

    public InvalidVersionException(String text) {
        super("'" + text
                + "' is not a product version: give 1 to 4 dot-separated numbers of up to 6 digits, e.g. 5.3.1.");
    }
}
