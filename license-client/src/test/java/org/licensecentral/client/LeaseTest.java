package org.licensecentral.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class LeaseTest {

    private static final Instant SIGNED = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void checkInIsDueOnceHalfTheLeaseHasPassed() {
        Lease lease = Lease.of(TestKeys.lease("fp-1", "ONLINE", SIGNED, Duration.ofDays(7)));

        assertThat(lease.checkInFrom()).isEqualTo(SIGNED.plus(Duration.ofHours(84)));
        assertThat(lease.checkInDue(lease.checkInFrom().minusSeconds(1))).isFalse();
        assertThat(lease.checkInDue(lease.checkInFrom())).isTrue();
    }

    @Test
    void anOfflineLeaseIsNeverDueForCheckIn() {
        Lease lease = Lease.of(TestKeys.lease("fp-1", "OFFLINE", SIGNED, Duration.ofDays(365)));

        assertThat(lease.checkInDue(SIGNED.plus(Duration.ofDays(364)))).isFalse();
    }
}
