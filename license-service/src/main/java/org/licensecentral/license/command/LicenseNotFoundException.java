package org.licensecentral.license.command;

/**
 * No license of the caller's under this id. Another account's license answers the same as a
 * missing one, so an id tells nobody whether it exists.
 */
public class LicenseNotFoundException extends RuntimeException {

    public LicenseNotFoundException() {
        super("No such license.");
    }
}
