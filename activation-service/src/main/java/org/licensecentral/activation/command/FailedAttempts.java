package org.licensecentral.activation.command;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import org.licensecentral.activation.licenses.LicenseRecords;
import org.licensecentral.support.limits.KeyedLimiter;

import org.springframework.stereotype.Component;

/**
 * Limits failed license checks of the installed products' endpoints per client address and per
 * license key from that address: guessing keys or e-mails soon answers 429 with the time to wait.
 * An address gets more failures than a key, since many installations can sit behind one office's
 * NAT.
 *
 * <p>A check is refused up front once its address or key has no failures left ({@link #check}),
 * and a failure is counted and judged in one step ({@link #failed}): of thirty parallel wrong
 * guesses only as many as the limit learn that they were wrong, the rest answer 429, while
 * parallel right ones are never slowed down. A key's count is per client address and of the key as
 * the lookup reads it (trimmed, upper case): whoever knows a key slows down only their own
 * guesses at its e-mail, never the owner's machines elsewhere, and " key" or "key" is the same
 * key (issue 15, finding 3).
 */
@Component
public class FailedAttempts {

    private final KeyedLimiter perAddress;
    private final KeyedLimiter perKey;

    public FailedAttempts(FailedAttemptLimits limits) {
        this.perAddress = new KeyedLimiter(limits.perAddress(), limits.window());
        this.perKey = new KeyedLimiter(limits.perKey(), limits.window());
    }

    /** Refuses a check while the address, or the key from it, has used up its failures. */
    public void check(String clientAddress, String licenseKey) {
        longest(perAddress.waitFor(clientAddress), perKey.waitFor(keyOf(clientAddress, licenseKey)));
    }

    /** Counts a failed check; past the limit, the caller is told to wait instead of what failed. */
    public void failed(String clientAddress, String licenseKey) {
        longest(perAddress.recordFailure(clientAddress), perKey.recordFailure(keyOf(clientAddress, licenseKey)));
    }

    /**
     * For calls that present an activation key instead of a license key: a key that is not ours
     * names no license to count against, so only the address counts.
     */
    public void check(String clientAddress) {
        longest(perAddress.waitFor(clientAddress));
    }

    public void failed(String clientAddress) {
        longest(perAddress.recordFailure(clientAddress));
    }

    @SafeVarargs
    private static void longest(Optional<Duration>... waits) {
        Stream.of(waits).flatMap(Optional::stream).max(Duration::compareTo).ifPresent(wait -> {
            throw new TooManyFailedAttemptsException(wait);
        });
    }

    private static String keyOf(String clientAddress, String licenseKey) {
        return LicenseRecords.normalizedKey(licenseKey) + "@" + clientAddress;
    }
}
