package org.licensecentral.client;

/** No activation key is stored for the product on this machine. */
public final class NotActivatedException extends LicenseClientException {

    public NotActivatedException(String message) {
        super(message);
    }
}
