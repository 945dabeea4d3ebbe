package org.licensecentral.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class BoundedElasticHealthIndicatorTest {

    private static final Duration ANSWER = Duration.ofSeconds(10);

    @Test
    void upWhileTheSchedulerRunsTasks() {
        Scheduler scheduler = Schedulers.newBoundedElastic(1, 10, "health-test");
        try {
            Health health = new BoundedElasticHealthIndicator(scheduler, Duration.ofSeconds(5))
                    .health()
                    .block(ANSWER);

            assertThat(health.getStatus()).isEqualTo(Status.UP);
        } finally {
            scheduler.dispose();
        }
    }

    @Test
    void downWhileEveryThreadOfTheSchedulerIsStuckAndUpOnceItRunsAgain() throws InterruptedException {
        Scheduler scheduler = Schedulers.newBoundedElastic(1, 10, "health-test");
        CountDownLatch stuck = new CountDownLatch(1);
        try {
            scheduler.schedule(() -> {
                try {
                    stuck.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            BoundedElasticHealthIndicator indicator =
                    new BoundedElasticHealthIndicator(scheduler, Duration.ofMillis(300));

            Health whileStuck = indicator.health().block(ANSWER);
            stuck.countDown();
            Health afterwards = indicator.health().block(ANSWER);

            assertThat(whileStuck.getStatus()).isEqualTo(Status.DOWN);
            assertThat(whileStuck.getDetails().get("reason").toString()).contains("did not run within PT0.3S");
            assertThat(afterwards.getStatus()).isEqualTo(Status.UP);
        } finally {
            scheduler.dispose();
        }
    }

    @Test
    void downWhenTheSchedulerRefusesWork() {
        Scheduler scheduler = Schedulers.newBoundedElastic(1, 10, "health-test");
        scheduler.dispose();

        Health health = new BoundedElasticHealthIndicator(scheduler, Duration.ofSeconds(5))
                .health()
                .block(ANSWER);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    }
}
