package org.licensecentral.support.limits;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Counts failures (wrong keys, wrong passwords) per key, such as a client address or a license
 * key, with a Bucket4j token bucket each: {@code allowed} failures per {@code window}, refilled
 * gradually. Only failures take tokens, so a caller who gets it right is never slowed down. The
 * least recently used buckets are dropped past {@value #MAX_TRACKED}, so a flood of random keys
 * cannot grow it without bound.
 */
public class FailureLimiter {

    private static final int MAX_TRACKED = 100_000;

    private final int allowed;
    private final Duration window;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    public FailureLimiter(int allowed, Duration window) {
        this.allowed = allowed;
        this.window = window;
    }

    /** How long to wait before the next attempt, if the key has used up its failures. */
    public synchronized Optional<Duration> waitFor(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    }

    public synchronized void failed(String key) {
        buckets.computeIfAbsent(key, ignored -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(allowed).refillGreedy(allowed, window).build())
                .build()).tryConsume(1);
    }
}
