package org.licensecentral.activation.command;

/** The code is not the one this activation's machine prints. */
public class InvalidDeactivationCodeException extends RuntimeException {

    public InvalidDeactivationCodeException() {
        super("This is not the deactivation code of this machine. Check it against what the machine printed: "
                + "16 letters and digits, in four groups.");
    }
}
