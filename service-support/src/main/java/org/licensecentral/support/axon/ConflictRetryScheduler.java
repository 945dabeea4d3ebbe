package org.licensecentral.support.axon;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Sends a command again when it lost a race for its aggregate: another instance appended the same
 * sequence number first, and the event store's unique (aggregate, sequence) index turned this
 * append into a {@link ConcurrencyException}. The next send loads the aggregate with the winner's
 * events and decides anew (a seat taken meanwhile is then a {@code NoFreeSeatException}, not a
 * second seat). Nothing else is retried: a domain rule's refusal, a validation error or a database
 * failure would fail the same way, and an {@code AggregateStreamCreationException} (not a
 * {@code ConcurrencyException}) means a creating command found its aggregate existing, which
 * license-service reads as "already issued" (a purchase delivered twice).
 *
 * <p>The waits double from {@code backoff}: 20, 40, 80, 160 ms with the platform's defaults. A retry
 * runs the command on the executor's thread while the sender still waits for its result.
 */
public final class ConflictRetryScheduler implements RetryScheduler, AutoCloseable {

    private final ScheduledExecutorService executor;
    private final RetryScheduler backOff;

    /**
     * @param executor where retries wait and run; {@link #close()} shuts it down
     * @param attempts sends in all, the first one included; 1 retries nothing
     * @param backoff  the wait before the first retry, doubled before each further one
     */
    public ConflictRetryScheduler(ScheduledExecutorService executor, int attempts, Duration backoff) {
        if (attempts < 1) {
            throw new IllegalArgumentException("a command is sent at least once, not " + attempts + " times");
        }
        this.executor = executor;
        this.backOff = attempts == 1
                ? null
                : ExponentialBackOffIntervalRetryScheduler.builder()
                        .retryExecutor(executor)
                        .maxRetryCount(attempts - 1)
                        .backoffFactor(Math.max(1, backoff.toMillis()))
                        // Which failures are worth a retry is decided here, above; Axon's default
                        // would also retry every exception it does not know as non-transient.
                        .nonTransientFailurePredicate(failure -> false)
                        .build();
    }

    @Override
    public boolean scheduleRetry(
            CommandMessage commandMessage,
            RuntimeException lastFailure,
            List<Class<? extends Throwable>[]> failures,
            Runnable dispatchTask) {
        return backOff != null
                && lastFailure instanceof ConcurrencyException
                && backOff.scheduleRetry(commandMessage, lastFailure, failures, dispatchTask);
    }

    /** Pending retries are dropped with the executor: their senders are going away too. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
