package org.licensecentral.identity.account;

import java.time.Instant;
import java.util.Locale;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An account: its id is the {@code sub} of its tokens. The password and the verification and
 * reset codes are kept only as hashes. Failed logins are {@link FailedLogins}', per client address;
 * the account-wide {@code failedLogins} and {@code lockedUntil} of older documents are no longer
 * read (issue 15, finding 5).
 */
@Document("accounts")
public record Account(
        @Id String id,
        String email,
        String passwordHash,
        boolean emailVerified,
        String verificationCodeHash,
        Instant verificationExpiresAt,
        int verificationAttempts,
        String resetCodeHash,
        Instant resetExpiresAt,
        int resetAttempts,
        Instant createdAt) {

    /** An e-mail address as accounts store it and every lookup and count keyed by one reads it. */
    public static String normalizedEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
