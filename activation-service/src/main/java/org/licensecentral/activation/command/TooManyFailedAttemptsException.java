package org.licensecentral.activation.command;

import java.time.Duration;

/** Too many failed license checks from this address or for this key; try again after {@link #retryAfter()}. */
public class TooManyFailedAttemptsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyFailedAttemptsException(Duration retryAfter) {
        super("Too many failed attempts; try again later.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
