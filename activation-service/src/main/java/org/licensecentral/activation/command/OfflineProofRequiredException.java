package org.licensecentral.activation.command;

import java.time.Instant;

/**
 * An offline machine cannot be told it was deactivated, so its seat is freed only with the
 * deactivation code it printed, as a lost machine, or when its lease ends.
 */
public class OfflineProofRequiredException extends RuntimeException {

    private final Instant leaseEnds;

    public OfflineProofRequiredException(Instant leaseEnds) {
        super(
                "This machine was activated offline: enter the deactivation code it shows after `license-client deactivate"
                        + " --offline`, or release it as a lost machine. Otherwise its seat stays taken until its lease ends on "
                        + leaseEnds + ".");
        this.leaseEnds = leaseEnds;
    }

    public Instant leaseEnds() {
        return leaseEnds;
    }
}
