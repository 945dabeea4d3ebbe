package org.licensecentral.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.bson.Document;

/**
 * The first hop of an activation's propagation, read from the two event stores after the fact:
 * from the timestamp of activation-service's {@code MachineActivatedEvent} to that of
 * license-service's {@code LicenseActivationStatusChangedEvent} for the same license. Between them
 * lie activation-service's outbox processor, Kafka, and license-service's command (its aggregate
 * load included). What the benchmark measures beyond this hop is license-service's projection and
 * the status poll itself.
 */
final class PropagationHops {

    private PropagationHops() {
    }

    /** Empty when none of the licenses was activated. */
    static Optional<Baselines.Percentiles> firstHopMillis(List<String> licenseIds) {
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + SystemStack.get().port("mongodb"))) {
            Map<String, Instant> activated = timestamps(client, "activation-service", licenseIds, "MachineActivatedEvent");
            Map<String, Instant> recorded = timestamps(client, "license-service", licenseIds, "LicenseActivationStatusChangedEvent");
            List<Double> millis = new ArrayList<>();
            activated.forEach((licenseId, at) -> {
                Instant seen = recorded.get(licenseId);
                if (seen != null) {
                    millis.add((double) Duration.between(at, seen).toMillis());
                }
            });
            return millis.isEmpty() ? Optional.empty() : Optional.of(Baselines.Percentiles.of(millis));
        }
    }

    /** The first event of that type per license: one query (and one scan on the MongoDB-wire server) per store. */
    private static Map<String, Instant> timestamps(MongoClient client, String service, List<String> licenseIds, String eventType) {
        Map<String, Instant> first = new HashMap<>();
        for (Document event : client.getDatabase(service).getCollection("domainevents")
                .find(Filters.in("aggregateIdentifier", licenseIds))) {
            if (event.getString("payloadType").endsWith(eventType)) {
                first.merge(event.getString("aggregateIdentifier"), Instant.parse(event.getString("timestamp")),
                        (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return first;
    }
}
