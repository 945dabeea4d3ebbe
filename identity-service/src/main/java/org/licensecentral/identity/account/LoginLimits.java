package org.licensecentral.identity.account;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many failed logins are allowed, and how long they count ({@code licensecentral.identity.failed-logins},
 * issue 15, finding 5).
 *
 * @param perAddress failed logins per client address across accounts within {@code window}; past them the
 *                   login form answers 429 ({@link LoginThrottle})
 * @param window     the time {@code perAddress} covers
 * @param account    the wait per account and client address ({@link FailedLogins})
 */
@Validated
@ConfigurationProperties("licensecentral.identity.failed-logins")
public record LoginLimits(
        @Positive int perAddress,
        @NotNull Duration window,
        @Valid @NotNull PerAccount account) {

    /**
     * @param free           failures for an account from one address before that address waits
     * @param firstDelay     the first wait, doubling with each further failure ...
     * @param maxDelay       ... up to this
     * @param forgottenAfter how long after its last failure or wait a count is forgotten
     */
    public record PerAccount(
            @Positive int free,
            @NotNull Duration firstDelay,
            @NotNull Duration maxDelay,
            @NotNull Duration forgottenAfter) {}
}
