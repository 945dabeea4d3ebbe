package org.licensecentral.activation.command;

import org.licensecentral.activation.api.DeactivationReason;

/** The activation no longer holds a seat: the product must stop and remove its key. */
public class ActivationRevokedException extends RuntimeException {

    private final DeactivationReason reason;

    public ActivationRevokedException(DeactivationReason reason) {
        super(switch (reason) {
                    case DEACTIVATED_BY_OWNER -> "This machine was deactivated in the portal.";
                    case OFFLINE_DEACTIVATION -> "This machine was deactivated with its deactivation code.";
                    case LOST_MACHINE_RELEASE -> "This machine was released in the portal as a lost machine.";
                    case LEASE_EXPIRED ->
                        "This machine did not check in before its lease ended, and its seat was freed.";
                    case RELEASED_BY_PRODUCT -> "This machine gave up its seat.";
                    case UNKNOWN -> "This activation no longer holds a seat.";
                }
                + " Activate it again to use it.");
        this.reason = reason;
    }

    public DeactivationReason reason() {
        return reason;
    }
}
