package org.licensecentral.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.licensecentral.testsupport.TestInfrastructure;

import org.springframework.data.mongodb.core.MongoTemplate;

/** The wait per account and client address, on the real (embedded) MongoDB with a clock the test moves. */
class FailedLoginsIntegrationTest {

    private static final MongoClient client =
            MongoClients.create(TestInfrastructure.get().mongoConnectionString());

    private final MovingClock clock = new MovingClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FailedLogins failedLogins = new FailedLogins(
            new MongoTemplate(client, "identity-failed-logins-test"),
            clock,
            new LoginLimits(
                    20,
                    Duration.ofMinutes(15),
                    new LoginLimits.PerAccount(5, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(24))));
    private final String email = "person-" + UUID.randomUUID() + "@example.org";

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void fiveFailuresMakeTheAddressWaitAMinuteBeforeItsNextTry() {
        fail(5, "10.0.0.1");

        assertThat(failedLogins.tryAcquire(email, "10.0.0.1")).hasValue(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(failedLogins.tryAcquire(email, "10.0.0.1")).isEmpty();
    }

    @Test
    void eachFurtherFailureDoublesTheWaitUpToAnHour() {
        fail(5, "10.0.0.1");
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Duration wait = failedLogins.tryAcquire(email, "10.0.0.1").orElseThrow();
            waits.add(wait);
            clock.advance(wait);
            assertThat(failedLogins.tryAcquire(email, "10.0.0.1")).isEmpty();
        }

        assertThat(waits)
                .containsExactly(
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(2),
                        Duration.ofMinutes(4),
                        Duration.ofMinutes(8),
                        Duration.ofMinutes(16),
                        Duration.ofMinutes(32),
                        Duration.ofHours(1),
                        Duration.ofHours(1));
    }

    @Test
    void failuresFromOneAddressNeverMakeAnotherWait() {
        fail(5, "10.0.0.1");
        assertThat(failedLogins.tryAcquire(email, "10.0.0.1")).isPresent();

        fail(5, "10.0.0.2");
    }

    @Test
    void theCountIsPerAccountAsTypedAndWhetherOrNotItExists() {
        fail(5, "10.0.0.1");

        assertThat(failedLogins.tryAcquire(" " + email.toUpperCase() + " ", "10.0.0.1"))
                .isPresent();
        assertThat(failedLogins.tryAcquire("someone-else@example.org", "10.0.0.1"))
                .isEmpty();
    }

    @Test
    void aSuccessClearsTheCountOfItsAddressOnly() {
        fail(4, "10.0.0.1");
        fail(4, "10.0.0.2");
        failedLogins.tryAcquire(email, "10.0.0.1");
        failedLogins.succeeded(email, "10.0.0.1");

        fail(4, "10.0.0.1");
        assertThat(failedLogins.tryAcquire(email, "10.0.0.1")).isEmpty();
        fail(1, "10.0.0.2");
        assertThat(failedLogins.tryAcquire(email, "10.0.0.2")).isPresent();
    }

    @Test
    void aPasswordResetClearsTheCountsOfEveryAddress() {
        fail(5, "10.0.0.1");
        fail(5, "10.0.0.2");

        failedLogins.clear(email);

        assertThat(failedLogins.tryAcquire(email, "10.0.0.1")).isEmpty();
        assertThat(failedLogins.tryAcquire(email, "10.0.0.2")).isEmpty();
    }

    @Test
    void failuresAreForgottenADayAfterTheLast() {
        fail(4, "10.0.0.1");
        clock.advance(Duration.ofHours(24));

        fail(4, "10.0.0.1");

        assertThat(failedLogins.tryAcquire(email, "10.0.0.1")).isEmpty();
    }

    @Test
    void thirtyParallelTriesForOneAccountFromOneAddressPassOnlyFive() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(30);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<Duration>>> tries = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tries.add(pool.submit(() -> {
                start.await();
                return failedLogins.tryAcquire(email, "10.0.0.1");
            }));
        }
        start.countDown();
        int passed = 0;
        for (Future<Optional<Duration>> attempt : tries) {
            passed += attempt.get(30, TimeUnit.SECONDS).isEmpty() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(passed).isEqualTo(5);
    }

    private void fail(int times, String address) {
        for (int i = 0; i < times; i++) {
            assertThat(failedLogins.tryAcquire(email, address))
                    .as("try %d from %s", i + 1, address)
                    .isEmpty();
        }
    }

    private static final class MovingClock extends Clock {

        private volatile Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
