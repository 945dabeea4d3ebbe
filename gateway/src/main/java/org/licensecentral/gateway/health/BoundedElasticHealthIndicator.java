package org.licensecentral.gateway.health;

import java.time.Duration;

import org.licensecentral.gateway.config.GatewayProperties;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether Reactor's {@code boundedElastic} scheduler still runs what is handed to it. Part of the
 * gateway's work happens there and nowhere else: Spring's in-memory session store and the cookie
 * CSRF repository create their ids on it, and actuator runs its blocking endpoints (Prometheus) on
 * it. Twice, a gateway under abusive load stopped answering exactly such requests (static files
 * through the session chain, {@code /actuator/prometheus}) while proxied calls and a health
 * check that never touches this scheduler still answered UP; docs/benchmarks.md has the details.
 * With this check in its health groups, such a gateway reports DOWN instead, so that its probes
 * fail and it gets restarted, and the detail says where it is stuck.
 */
@Component("boundedElasticHealthIndicator")
class BoundedElasticHealthIndicator implements ReactiveHealthIndicator {

    private final Scheduler scheduler;
    private final Duration timeout;

    @Autowired
    BoundedElasticHealthIndicator(GatewayProperties properties) {
        this(Schedulers.boundedElastic(), properties.schedulerCheck());
    }

    BoundedElasticHealthIndicator(Scheduler scheduler, Duration timeout) {
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    @Override
    public Mono<Health> health() {
        return Mono.fromCallable(() -> Health.up().build())
                .subscribeOn(scheduler)
                .timeout(
                        timeout,
                        Mono.fromSupplier(() -> Health.down()
                                .withDetail(
                                        "reason", "a task handed to " + scheduler + " did not run within " + timeout)
                                .build()))
                .onErrorResume(error -> Mono.just(Health.down(error).build()));
    }
}
