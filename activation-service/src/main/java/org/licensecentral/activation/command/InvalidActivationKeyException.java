package org.licensecentral.activation.command;

/** An activation key that is malformed, not signed by this service, or issued to another machine. */
public class InvalidActivationKeyException extends RuntimeException {

    public InvalidActivationKeyException(String detail) {
        super(detail);
    }
}
