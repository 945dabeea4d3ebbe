package org.licensecentral.systemtests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The first hop of an activation's propagation, read from the two event stores after the fact:
 * from the timestamp of activation-service's {@code MachineActivatedEvent} to that of
 * license-service's {@code LicenseActivationStatusChangedEvent} for the same license. Between them
 * lie activation-service's outbox processor, Kafka, and license-service's command (its aggregate
 * load included). What the benchmark measures beyond this hop is license-service's projection and
 * the status poll itself.
 */
final class PropagationHops {

    private PropagationHops() {}

    /** Empty when none of the licenses was activated. */
    static Optional<Baselines.Percentiles> firstHopMillis(List<String> licenseIds) {
        Map<String, Instant> activated = timestamps("activation-service", licenseIds, EventStores.MACHINE_ACTIVATED);
        Map<String, Instant> recorded =
                timestamps("license-service", licenseIds, EventStores.ACTIVATION_STATUS_CHANGED);
        List<Double> millis = new ArrayList<>();
        activated.forEach((licenseId, at) -> {
            Instant seen = recorded.get(licenseId);
            if (seen != null) {
                millis.add((double) Duration.between(at, seen).toMillis());
            }
        });
        return millis.isEmpty() ? Optional.empty() : Optional.of(Baselines.Percentiles.of(millis));
    }

    /**
     * The first event of that type per license. The license id is the aggregate's id in both
     * services, so this is one lookup in the (aggregate, sequence) index per license.
     */
    private static Map<String, Instant> timestamps(String service, List<String> licenseIds, String payloadType) {
        Map<String, Instant> first = new HashMap<>();
        try (Connection connection = EventStores.of(service);
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT aggregateidentifier, timestamp FROM domainevententry WHERE aggregateidentifier = ANY (?) AND payloadtype = ?")) {
            statement.setArray(1, connection.createArrayOf("varchar", licenseIds.toArray()));
            statement.setString(2, payloadType);
            try (ResultSet events = statement.executeQuery()) {
                while (events.next()) {
                    first.merge(
                            events.getString(1), Instant.parse(events.getString(2)), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the timestamps in " + service + "'s event store", e);
        }
        return first;
    }
}
