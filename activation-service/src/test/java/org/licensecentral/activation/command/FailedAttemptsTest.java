package org.licensecentral.activation.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Failed checks are counted where they can be pinned: per address always, per license key and address where a key was named. */
class FailedAttemptsTest {

    private final FailedAttempts attempts = new FailedAttempts(new FailedAttemptLimits(50, 10, Duration.ofMinutes(10)));

    @Test
    void tenWrongPairsForOneKeyLimitThatKeyFromThatAddressOnly() {
        for (int i = 0; i < 10; i++) {
            attempts.failed("10.0.0.1", "KEY-1");
        }

        assertThatThrownBy(() -> attempts.check("10.0.0.1", "KEY-1"))
                .isInstanceOf(TooManyFailedAttemptsException.class);
        assertThatCode(() -> attempts.check("10.0.0.1", "KEY-2")).doesNotThrowAnyException();
        // The owner's machines elsewhere are not locked out by someone who knows the key.
        assertThatCode(() -> attempts.check("10.0.0.2", "KEY-1")).doesNotThrowAnyException();
    }

    @Test
    void aKeyWithSpacesOrInLowerCaseCountsAsTheKeyTheLookupFinds() {
        for (int i = 0; i < 5; i++) {
            attempts.failed("10.0.0.1", " key-1");
            attempts.failed("10.0.0.1", "Key-1 ");
        }

        assertThatThrownBy(() -> attempts.check("10.0.0.1", "KEY-1"))
                .isInstanceOf(TooManyFailedAttemptsException.class);
    }

    @Test
    void ofThirtyParallelWrongPairsForOneKeyOnlyTenLearnTheyWereWrong() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(30);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger toldWrong = new AtomicInteger();
        AtomicInteger toldToWait = new AtomicInteger();
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            calls.add(pool.submit(() -> {
                start.await();
                try {
                    attempts.check("10.0.0.1", "KEY-1");
                    attempts.failed("10.0.0.1", "KEY-1");
                    toldWrong.incrementAndGet();
                } catch (TooManyFailedAttemptsException refused) {
                    toldToWait.incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> call : calls) {
            call.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(toldWrong).hasValue(10);
        assertThat(toldToWait).hasValue(20);
    }

    @Test
    void forgedActivationKeysLimitTheirAddressOnlyNotEveryProductsCheckIn() {
        for (int i = 0; i < 50; i++) {
            attempts.failed("10.0.0.1");
        }

        assertThatThrownBy(() -> attempts.check("10.0.0.1")).isInstanceOf(TooManyFailedAttemptsException.class);
        assertThatCode(() -> attempts.check("10.0.0.2")).doesNotThrowAnyException();
        assertThatCode(() -> attempts.check("10.0.0.2", "KEY-1")).doesNotThrowAnyException();
    }
}
