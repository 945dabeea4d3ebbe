package org.licensecentral.activation.command;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits failed license checks of the installed products' endpoints per client address and per
 * license key (Bucket4j token buckets): guessing keys or e-mails soon answers 429 with the time
 * to wait. Only failures take tokens; a product that knows its key is never slowed down.
 */
@Component
public class FailedAttempts {

    private static final int MAX_TRACKED = 100_000;

    private final int perAddress;
    private final int perKey;
    private final Duration window;
    // Least recently used buckets are dropped first, so a flood of random keys cannot grow this without bound.
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    public FailedAttempts(@Value("${licensecentral.activation.failed-attempts.per-address}") int perAddress,
                          @Value("${licensecentral.activation.failed-attempts.per-key}") int perKey,
                          @Value("${licensecentral.activation.failed-attempts.window}") Duration window) {
        this.perAddress = perAddress;
        this.perKey = perKey;
        this.window = window;
    }

    /** How long the caller must wait, if the address or the key has used up its failures. */
    public synchronized Optional<Duration> waitFor(String clientAddress, String licenseKey) {
        long nanos = Math.max(wait("address:" + clientAddress), wait("key:" + licenseKey));
        return nanos > 0 ? Optional.of(Duration.ofNanos(nanos)) : Optional.empty();
    }

    public synchronized void failed(String clientAddress, String licenseKey) {
        bucket("address:" + clientAddress, perAddress).tryConsume(1);
        bucket("key:" + licenseKey, perKey).tryConsume(1);
    }

    private long wait(String id) {
        Bucket bucket = buckets.get(id);
        return bucket == null || bucket.getAvailableTokens() > 0 ? 0 : bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    private Bucket bucket(String id, int allowed) {
        return buckets.computeIfAbsent(id, ignored -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(allowed).refillGreedy(allowed, window).build())
                .build());
    }
}
