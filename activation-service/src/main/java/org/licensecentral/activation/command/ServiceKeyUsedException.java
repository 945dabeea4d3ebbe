package org.licensecentral.activation.command;

/** A service key is accepted once: a replay could otherwise take a seat again after a deactivation. */
public class ServiceKeyUsedException extends RuntimeException {

    public ServiceKeyUsedException() {
        super("This service key was used already. Create a new one on the machine (license-client offline-request).");
    }
}
