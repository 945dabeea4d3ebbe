package org.licensecentral.activation.command;

/** A pasted service key that cannot be read. */
public class InvalidServiceKeyException extends RuntimeException {

    public InvalidServiceKeyException(String message) {
        super("Invalid service key: " + message + ".");
    }
}
