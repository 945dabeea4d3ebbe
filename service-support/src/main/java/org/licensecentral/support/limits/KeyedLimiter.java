package org.licensecentral.support.limits;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * A Bucket4j token bucket per key, such as a client address, a license key or an account:
 * {@code allowed} events per {@code window}, refilled gradually. Two ways to use it:
 * <ul>
 *   <li>count failures only: {@link #waitFor} before the attempt refuses a key that has none
 *       left, and {@link #recordFailure} counts a failed attempt and says in the same step whether
 *       it was past the limit, in which case the caller answers "too many" instead of the result.
 *       Thirty parallel wrong guesses all pass the first check, but only {@code allowed} of them
 *       learn that they were wrong (issue 15, finding 3); a caller who gets it right is never
 *       slowed down;</li>
 *   <li>count every request ({@link #tryAcquire}), for a plain rate limit, or to take an attempt
 *       before it and {@link #refund} it when the attempt succeeded.</li>
 * </ul>
 * The least recently used buckets are dropped past {@value #MAX_TRACKED}, so a flood of random
 * keys cannot grow it without bound.
 */
public class KeyedLimiter {

    private static final int MAX_TRACKED = 100_000;

    private final int allowed;
    private final Duration window;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    public KeyedLimiter(int allowed, Duration window) {
        this.allowed = allowed;
        this.window = window;
    }

    /** How long to wait before the next attempt, if the key has used up its allowance. */
    public synchronized Optional<Duration> waitFor(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    }

    /** Counts a failure against the key: empty while it is within the limit, else how long to wait. */
    public synchronized Optional<Duration> recordFailure(String key) {
        return tryAcquire(key);
    }

    /** Takes one token for a request or an attempt: empty when it may go ahead, else how long to wait. */
    public synchronized Optional<Duration> tryAcquire(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Gives back the token of an attempt that succeeded (never above the bucket's capacity). */
    public synchronized void refund(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    private Bucket bucket(String key) {
        return buckets.computeIfAbsent(
                key,
                ignored -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(allowed)
                                .refillGreedy(allowed, window)
                                .build())
                        .build());
    }
}
