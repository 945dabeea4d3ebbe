package org.licensecentral.activation.command;

/** No such activation for this caller: missing, another account's, or already deactivated. */
public class ActivationNotFoundException extends RuntimeException {

    public ActivationNotFoundException() {
        super("No such activation.");
    }
}
