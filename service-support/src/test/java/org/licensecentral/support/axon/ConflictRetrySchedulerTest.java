package org.licensecentral.support.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The command gateway as the platform builds it (CommandRetryAutoConfiguration): a command that
 * lost a race for its aggregate is sent again; any other failure reaches the sender at once.
 */
class ConflictRetrySchedulerTest {

    record Decide(String aggregateId) {}

    private final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
    private final ConflictRetryScheduler scheduler =
            new ConflictRetryScheduler(Executors.newScheduledThreadPool(1), 5, Duration.ofMillis(1));
    private final CommandGateway gateway = DefaultCommandGateway.builder()
            .commandBus(commandBus)
            .retryScheduler(scheduler)
            .build();
    private final AtomicInteger sends = new AtomicInteger();

    @AfterEach
    void stop() {
        scheduler.close();
    }

    @Test
    void aCommandThatLostARaceForItsAggregateIsSentAgainAndSucceeds() {
        handleFailingFirst(2, () -> new ConcurrencyException("another instance appended sequence 3 first"));

        String result = gateway.sendAndWait(new Decide("license-1"));

        assertThat(result).isEqualTo("decided");
        assertThat(sends).hasValue(3);
    }

    @Test
    void aCommandThatKeepsLosingFailsWithTheConflictAfterFiveSends() {
        handleFailingFirst(Integer.MAX_VALUE, () -> new ConcurrencyException("always someone first"));

        assertThatThrownBy(() -> gateway.sendAndWait(new Decide("license-1"))).isInstanceOf(ConcurrencyException.class);
        assertThat(sends).hasValue(5);
    }

    @Test
    void aRuleThatRefusesTheCommandIsNotRetried() {
        handleFailingFirst(Integer.MAX_VALUE, () -> new IllegalStateException("no free seat"));

        assertThatThrownBy(() -> gateway.sendAndWait(new Decide("license-1")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(sends).hasValue(1);
    }

    @Test
    void aCreationThatFindsItsAggregateExistingIsNotRetried() {
        // license-service reads this as "already issued": a purchase delivered twice.
        handleFailingFirst(Integer.MAX_VALUE, () -> new AggregateStreamCreationException("license-1 exists"));

        assertThatThrownBy(() -> gateway.sendAndWait(new Decide("license-1")))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(sends).hasValue(1);
    }

    @Test
    void oneAttemptRetriesNothing() {
        ConflictRetryScheduler once = new ConflictRetryScheduler(Executors.newScheduledThreadPool(1), 1, Duration.ZERO);
        CommandGateway onceGateway = DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(once)
                .build();
        handleFailingFirst(1, () -> new ConcurrencyException("lost"));

        assertThatThrownBy(() -> onceGateway.sendAndWait(new Decide("license-1")))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(sends).hasValue(1);
        once.close();
    }

    private void handleFailingFirst(int failures, Supplier<RuntimeException> failure) {
        commandBus.subscribe(Decide.class.getName(), command -> {
            if (sends.incrementAndGet() <= failures) {
                throw failure.get();
            }
            return "decided";
        });
    }
}
