package org.licensecentral.activation.command;

import java.time.Instant;

/** The license has used its releases without a proof for now; the next is possible at {@link #availableAt()}. */
public class LostMachineReleaseLimitException extends RuntimeException {

    private final Instant availableAt;

    public LostMachineReleaseLimitException(int limit, Instant availableAt) {
        super("A license may release " + (limit == 1 ? "one lost machine" : limit + " lost machines")
                + " without a deactivation code in a while; the next release is possible on " + availableAt
                + ". With the machine's deactivation code its seat is freed at once.");
        this.availableAt = availableAt;
    }

    public Instant availableAt() {
        return availableAt;
    }
}
