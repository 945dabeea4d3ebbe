package org.licensecentral.identity.account;

import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/**
 * A login refused because its client address must still wait for the account ({@link FailedLogins}),
 * whatever the password tried. It carries when the wait ends, so that the login page can say how
 * long is left when it is shown rather than when the try was refused.
 */
public class LoginWaitException extends LockedException {

    private final Instant retryAt;

    public LoginWaitException(Instant retryAt) {
        super("Too many failed attempts from this address; the next try is accepted from " + retryAt + ".");
        this.retryAt = retryAt;
    }

    /** When the address may try the account again: the end of its wait in {@code login_failures}. */
    public Instant retryAt() {
        return retryAt;
    }
}
