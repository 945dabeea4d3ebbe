package org.licensecentral.activation.command;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import org.licensecentral.support.limits.KeyedLimiter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits failed license checks of the installed products' endpoints per client address and per
 * license key: guessing keys or e-mails soon answers 429 with the time to wait. An address gets
 * more failures than a key, since many installations can sit behind one office's NAT.
 */
@Component
public class FailedAttempts {

    private final KeyedLimiter perAddress;
    private final KeyedLimiter perKey;

    public FailedAttempts(@Value("${licensecentral.activation.failed-attempts.per-address}") int perAddress,
                          @Value("${licensecentral.activation.failed-attempts.per-key}") int perKey,
                          @Value("${licensecentral.activation.failed-attempts.window}") Duration window) {
        this.perAddress = new KeyedLimiter(perAddress, window);
        this.perKey = new KeyedLimiter(perKey, window);
    }

    /** How long the caller must wait, if the address or the key has used up its failures. */
    public Optional<Duration> waitFor(String clientAddress, String licenseKey) {
        return Stream.of(perAddress.waitFor(clientAddress), perKey.waitFor(licenseKey))
                .flatMap(Optional::stream)
                .max(Duration::compareTo);
    }

    public void failed(String clientAddress, String licenseKey) {
        perAddress.record(clientAddress);
        perKey.record(licenseKey);
    }

    /**
     * For calls that present an activation key instead of a license key: a key that is not ours
     * names no license to count against, and one shared count would let anyone block every
     * product's check-in, so only the address counts.
     */
    public Optional<Duration> waitFor(String clientAddress) {
        return perAddress.waitFor(clientAddress);
    }

    public void failed(String clientAddress) {
        perAddress.record(clientAddress);
    }
}
