package org.licensecentral.identity.account;

import java.time.Duration;

/**
 * Why the signed-in account's own verification did not go through. Unlike the public
 * {@code verification-failed}, which must read alike for every address, these may tell the
 * account's holder what happened: the caller is known from the token, so nothing is revealed
 * about anyone else (issue 16).
 */
public class OwnVerificationException extends RuntimeException {

    public enum Reason {
        /** The code is not the one mailed; {@link #attemptsLeft()} tries remain. */
        WRONG_CODE,
        /** The code's lifetime is over, or its tries are used up: only a new code helps. */
        EXPIRED_CODE,
        /** The address is confirmed already; nothing to do. */
        ALREADY_VERIFIED,
        /** The verification mails of the last window reached the cap; {@link #retryAfter()} says until when. */
        MAIL_CAPPED
    }

    private final Reason reason;
    private final int attemptsLeft;
    private final Duration retryAfter;

    private OwnVerificationException(Reason reason, String message, int attemptsLeft, Duration retryAfter) {
        super(message);
        this.reason = reason;
        this.attemptsLeft = attemptsLeft;
        this.retryAfter = retryAfter;
    }

    static OwnVerificationException wrongCode(int attemptsLeft) {
        return new OwnVerificationException(
                Reason.WRONG_CODE,
                attemptsLeft == 0
                        ? "This code is not the one we sent, and it was the last try for it. Ask for a new code."
                        : "This code is not the one we sent. Check it and try again (" + attemptsLeft
                                + (attemptsLeft == 1 ? " try" : " tries") + " left).",
                attemptsLeft,
                null);
    }

    static OwnVerificationException expiredCode() {
        return new OwnVerificationException(
                Reason.EXPIRED_CODE, "This code has expired or was tried too often. Ask for a new code.", 0, null);
    }

    static OwnVerificationException alreadyVerified() {
        return new OwnVerificationException(
                Reason.ALREADY_VERIFIED, "Your e-mail address is confirmed already.", 0, null);
    }

    static OwnVerificationException mailCapped(Duration retryAfter) {
        return new OwnVerificationException(
                Reason.MAIL_CAPPED,
                "We sent several codes to this address within the hour. The last one still works; a new one can "
                        + "be sent later.",
                0,
                retryAfter);
    }

    public Reason reason() {
        return reason;
    }

    public int attemptsLeft() {
        return attemptsLeft;
    }

    /** Until the cap's window ends; null for every reason but {@link Reason#MAIL_CAPPED}. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
