package org.licensecentral.support.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A cap of {@code allowed} events per key in fixed windows of {@code window}, counted in MongoDB so
 * that it holds across restarts and instances: the per-account caps on mail a caller can trigger.
 * The count is one atomic {@code findAndModify} ($inc with upsert on the window's document id), so
 * parallel requests cannot all pass a check that none of them has counted yet; it needs no
 * transaction, which mongo-java-server does not have. A window's document carries {@code expiresAt},
 * and the cap ensures the TTL index on it when it is made, so every cap's old windows go away where
 * the server honours TTL indexes (real MongoDB; mongo-java-server ignores them).
 */
public class WindowCaps {

    private final MongoTemplate mongo;
    private final String collection;
    private final int allowed;
    private final Duration window;
    private final Clock clock;

    public WindowCaps(MongoTemplate mongo, String collection, int allowed, Duration window, Clock clock) {
        if (allowed < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a cap allows at least one event in a positive window");
        }
        this.mongo = mongo;
        this.collection = collection;
        this.allowed = allowed;
        this.window = window;
        this.clock = clock;
        mongo.indexOps(collection).ensureIndex(new Index("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
    }

    /** Counts one event against the key: empty when it is within the cap, else how long until the window ends. */
    public Optional<Duration> tryAcquire(String key) {
        Instant now = clock.instant();
        long windowMillis = window.toMillis();
        Instant windowStart = Instant.ofEpochMilli(now.toEpochMilli() / windowMillis * windowMillis);
        Instant windowEnd = windowStart.plus(window);
        long count = increment(key + "@" + windowStart.toEpochMilli(), windowEnd);
        return count <= allowed ? Optional.empty() : Optional.of(Duration.between(now, windowEnd));
    }

    private long increment(String id, Instant windowEnd) {
        Query query = new Query(Criteria.where("_id").is(id));
        Update update = new Update().inc("count", 1).setOnInsert("expiresAt", windowEnd);
        FindAndModifyOptions options =
                FindAndModifyOptions.options().upsert(true).returnNew(true);
        try {
            return mongo.findAndModify(query, update, options, Document.class, collection)
                    .get("count", Number.class)
                    .longValue();
        } catch (DuplicateKeyException insertedMeanwhile) {
            // Two upserts of a new window raced on real MongoDB; the document exists now, so this one updates it.
            return mongo.findAndModify(query, update, options, Document.class, collection)
                    .get("count", Number.class)
                    .longValue();
        }
    }
}
