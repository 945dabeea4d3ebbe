package org.licensecentral.activation.command;

/** A service key older than the window (or from a machine whose clock is far ahead): a fresh one is needed. */
public class ServiceKeyExpiredException extends RuntimeException {

    public ServiceKeyExpiredException(String detail) {
        super(detail + " Create a new one on the machine (license-client offline-request).");
    }
}
