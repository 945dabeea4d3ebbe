package org.licensecentral.client;

/**
 * Every failure the client reports on purpose. Its message states what went wrong; each subclass
 * stands for one thing the product or its user does next, so a product can catch this one type
 * and decide by the subclass.
 */
public abstract class LicenseClientException extends RuntimeException {

    protected LicenseClientException(String message) {
        super(message);
    }

    protected LicenseClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
