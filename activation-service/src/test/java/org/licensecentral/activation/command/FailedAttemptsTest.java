package org.licensecentral.activation.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Failed checks are counted where they can be pinned: per address always, per license key where one was named. */
class FailedAttemptsTest {

    private final FailedAttempts attempts = new FailedAttempts(50, 10, Duration.ofMinutes(10));

    @Test
    void tenWrongPairsForOneKeyLimitThatKeyFromEveryAddress() {
        for (int i = 0; i < 10; i++) {
            attempts.failed("10.0.0." + i, "KEY-1");
        }

        assertThat(attempts.waitFor("10.9.9.9", "KEY-1")).isPresent();
        assertThat(attempts.waitFor("10.9.9.9", "KEY-2")).isEmpty();
    }

    @Test
    void forgedActivationKeysLimitTheirAddressOnlyNotEveryProductsCheckIn() {
        for (int i = 0; i < 50; i++) {
            attempts.failed("10.0.0.1");
        }

        assertThat(attempts.waitFor("10.0.0.1")).isPresent();
        assertThat(attempts.waitFor("10.0.0.2")).isEmpty();
        assertThat(attempts.waitFor("10.0.0.2", "KEY-1")).isEmpty();
    }
}
