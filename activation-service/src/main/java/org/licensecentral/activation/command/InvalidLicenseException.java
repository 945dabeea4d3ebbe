package org.licensecentral.activation.command;

/** The e-mail and license key match no license; said the same way for an unknown key, so neither can be probed. */
public class InvalidLicenseException extends RuntimeException {

    public InvalidLicenseException() {
        super("The e-mail address and license key do not match a license.");
    }
}
