package org.licensecentral.client;

/** This machine's id, the root of its fingerprint, could not be read. */
public final class NoMachineIdException extends LicenseClientException {

    public NoMachineIdException(String message) {
        super(message);
    }

    public NoMachineIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
