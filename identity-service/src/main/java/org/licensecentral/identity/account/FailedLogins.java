package org.licensecentral.identity.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Failed logins per account and client address (issue 15, finding 5). After {@code free} failures
 * for an account from one address, that address waits before its next try for that account:
 * {@code first-delay}, doubling with each further failure up to {@code max-delay}. A success from
 * the address clears its count; a count is forgotten {@code forgotten-after} after its last failure
 * (or wait). Failures from one address never make another wait, so nobody can lock an account's
 * owner out by guessing at it from elsewhere.
 *
 * <p>The count is by the e-mail address as typed (normalized), whether or not an account has it, so
 * that a lock tells nothing about which addresses are registered.
 *
 * <p>Each try is counted before its password is checked and the count is dropped when it succeeds
 * ({@link #tryAcquire} / {@link #succeeded}), as with {@code KeyedLimiter}: parallel wrong tries
 * cannot all pass a check that none of them has counted yet. The count moves by a compare-and-set
 * on one document (MongoDB updates a document atomically; mongo-java-server has no transactions),
 * since the delay a try sets depends on the count it moves to.
 */
@Component
public class FailedLogins {

    @Document("login_failures")
    record Failures(@Id String id, String email, String address, int failures, Instant nextTryAt, Instant expiresAt) {}

    private final MongoTemplate mongo;
    private final Clock clock;
    private final int free;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Duration forgottenAfter;

    public FailedLogins(MongoTemplate mongo, Clock clock, LoginLimits limits) {
        this.mongo = mongo;
        this.clock = clock;
        this.free = limits.account().free();
        this.firstDelay = limits.account().firstDelay();
        this.maxDelay = limits.account().maxDelay();
        this.forgottenAfter = limits.account().forgottenAfter();
    }

    /** A password reset clears by e-mail address; a count nobody tried again for is dropped where the server honours TTL indexes. */
    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        mongo.indexOps(Failures.class).ensureIndex(new Index("email", Sort.Direction.ASC));
        mongo.indexOps(Failures.class).ensureIndex(new Index("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
    }

    /**
     * Counts a try for the account from the address: empty when it may go ahead, else how long the
     * address must still wait (the refused try is not counted).
     */
    public Optional<Duration> tryAcquire(String email, String address) {
        String normalized = Account.normalizedEmail(email);
        String id = id(normalized, address);
        while (true) {
            Instant now = clock.instant();
            Failures current = mongo.findById(id, Failures.class);
            boolean remembered = current != null && now.isBefore(current.expiresAt());
            if (remembered && current.nextTryAt() != null && now.isBefore(current.nextTryAt())) {
                return Optional.of(Duration.between(now, current.nextTryAt()));
            }
            int failures = (remembered ? current.failures() : 0) + 1;
            Instant nextTryAt = failures >= free ? now.plus(delayAfter(failures)) : null;
            Failures counted = new Failures(
                    id,
                    normalized,
                    address,
                    failures,
                    nextTryAt,
                    (nextTryAt == null ? now : nextTryAt).plus(forgottenAfter));
            if (current == null ? inserted(counted) : replaced(current, counted)) {
                return Optional.empty();
            }
            // Another try from the address counted first: read its count and decide again.
        }
    }

    /** A try that logged in: its address starts again from no failures for the account. */
    public void succeeded(String email, String address) {
        mongo.remove(
                Query.query(Criteria.where("_id").is(id(Account.normalizedEmail(email), address))), Failures.class);
    }

    /** A new password (a reset) lifts every address's wait for the account. */
    public void clear(String email) {
        mongo.remove(Query.query(Criteria.where("email").is(Account.normalizedEmail(email))), Failures.class);
    }

    /** An address has no '|', so no two pairs of an e-mail address and a client address share an id. */
    private static String id(String normalizedEmail, String address) {
        return normalizedEmail + "|" + address;
    }

    private Duration delayAfter(int failures) {
        // Doubling from the first delay; the exponent is bounded so that the multiplication cannot overflow.
        Duration delay = firstDelay.multipliedBy(1L << Math.min(failures - free, 30));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private boolean inserted(Failures counted) {
        try {
            mongo.insert(counted);
            return true;
        } catch (DuplicateKeyException insertedMeanwhile) {
            return false;
        }
    }

    private boolean replaced(Failures current, Failures counted) {
        Query unchanged = Query.query(Criteria.where("_id")
                .is(current.id())
                .and("failures")
                .is(current.failures())
                .and("expiresAt")
                .is(current.expiresAt()));
        Update update = new Update()
                .set("failures", counted.failures())
                .set("nextTryAt", counted.nextTryAt())
                .set("expiresAt", counted.expiresAt());
        return mongo.updateFirst(unchanged, update, Failures.class).getModifiedCount() == 1;
    }
}
