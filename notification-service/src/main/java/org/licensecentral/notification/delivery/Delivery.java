package org.licensecentral.notification.delivery;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One requested mail, by the CloudEvents id of its request. It holds no template data (a code
 * never reaches the log), only what support needs: what, to whom, whether and when it went out.
 */
@Document("deliveries")
public record Delivery(
        @Id String requestId,
        String template,
        String to,
        Status status,
        int attempts,
        String lastError,
        Instant requestedAt,
        Instant updatedAt) {

    public enum Status {
        SENT,
        FAILED
    }
}
