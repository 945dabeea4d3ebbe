package org.licensecentral.client;

/**
 * License Central did not answer, or answered with a server error (5xx): nothing was decided, and
 * the same call may succeed later. The stored lease, if any, is untouched.
 */
public final class ServerUnavailableException extends LicenseClientException {

    public ServerUnavailableException(String message) {
        super(message);
    }

    public ServerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
