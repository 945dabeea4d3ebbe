package org.licensecentral.identity.account;

/** A registration or verification that cannot go through, by reason; each is its own problem type. */
public class AccountException extends RuntimeException {

    public enum Reason {
        WEAK_PASSWORD,
        VERIFICATION_FAILED,
        RESET_FAILED
    }

    private final Reason reason;

    public AccountException(Reason reason) {
        this(
                reason,
                reason == Reason.RESET_FAILED
                        ? "The code does not match, has expired, or was tried too often; ask for a new one."
                        : "The code does not match, has expired, or was tried too often. Log in: the portal can send you a new code.");
    }

    public AccountException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
