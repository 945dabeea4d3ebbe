package org.licensecentral.license.command;

import java.time.Duration;
import java.util.Optional;

/** An attach request that cannot be confirmed, and why; each reason is its own problem type. */
public class AttachRequestException extends RuntimeException {

    public enum Reason {
        NOT_FOUND("No such attach request."),
        EXPIRED("The confirmation code has expired; start the attach again to get a new one."),
        LOCKED("Too many wrong codes; this request is locked. Start the attach again to get a new code."),
        USED("This attach request was already confirmed."),
        TOO_MANY_REQUESTS("Too many attach requests this hour; try again later.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }
    }

    private final Reason reason;
    private final Duration retryAfter;

    public AttachRequestException(Reason reason) {
        this(reason, null);
    }

    public AttachRequestException(Reason reason, Duration retryAfter) {
        super(reason.message);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    /** For {@link Reason#TOO_MANY_REQUESTS}: when the account's hour of requests ends. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
