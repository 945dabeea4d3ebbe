package org.licensecentral.identity.account;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An account: its id is the {@code sub} of its tokens. The password and the verification and
 * reset codes are kept only as hashes. {@code failedLogins} are the times of the recent failed logins, for the lock.
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
        List<Instant> failedLogins,
        Instant lockedUntil,
        Instant createdAt) {
}
