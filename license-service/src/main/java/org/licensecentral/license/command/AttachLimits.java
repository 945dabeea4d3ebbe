package org.licensecentral.license.command;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code licensecentral.attach}: every limit of the two-step attach.
 * <ul>
 * <li>{@code requestsPerAccountPerHour}: attach requests an account may start an hour.</li>
 * <li>{@code codeMailsPerRecipientPerHour}: attach-code mails one purchase e-mail gets an hour, however
 * many accounts ask (issue 15, finding 8: the purchase e-mail is not the requester's, so without a cap
 * of its own anyone could flood it).</li>
 * <li>{@code codeLifetime}: how long a mailed code confirms its request.</li>
 * <li>{@code codeAttempts}: wrong codes a request survives before it locks. With the code's 40 bits
 * and the account's hourly cap this bounds a guesser's chances, so it is read at every attempt (also
 * of requests started before a change) and must stay small.</li>
 * </ul>
 * Both caps count in fixed windows of an hour, the unit their names give.
 */
@ConfigurationProperties("licensecentral.attach")
public record AttachLimits(
        int requestsPerAccountPerHour, int codeMailsPerRecipientPerHour, Duration codeLifetime, int codeAttempts) {

    public AttachLimits {
        // A missing or zero limit would lock every account out, or let every code through: fail the start instead.
        if (requestsPerAccountPerHour < 1 || codeMailsPerRecipientPerHour < 1 || codeAttempts < 1) {
            throw new IllegalArgumentException("licensecentral.attach: the caps and code-attempts must be at least 1");
        }
        Objects.requireNonNull(codeLifetime, "licensecentral.attach.code-lifetime");
        if (codeLifetime.isNegative() || codeLifetime.isZero()) {
            throw new IllegalArgumentException("licensecentral.attach.code-lifetime must be positive");
        }
    }
}
