package org.licensecentral.systemtests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A history of {@value #EVENTS} events bulk-loaded into each of the two event stores, so that the
 * activation phases can run again on stores of that size: every read and write of the engine then
 * goes through a table and indexes of more than a million rows each.
 *
 * <p>The rows are in the engine's own format (JSON payloads and metadata as bytes, the payload type
 * a real event class of that service, revision 1, the engine's timestamp text), {@value #PER_AGGREGATE}
 * events of sequence 0 to 9 per aggregate. The aggregates exist in no read model: their ids are
 * UUID-shaped (md5 of {@code bulk-aggregate-<n>}), so that in the aggregate index they lie among the
 * licenses' own ids as a real history would, not in one block.
 *
 * <p>They take the global indexes -{@value #EVENTS} to -1, before every event the stack wrote (its
 * sequence starts at 1 and is not touched): history older than the tracking processors' tokens, which
 * they never read. The engine reads from a token only what lies above its index or in its gaps, all
 * of them 1 or more (JdbcEventStorageEngine's tracking queries, its gap cleaning and its look-ahead
 * for the next index); with a null token it reads above -1. Only a processor that starts with no
 * token stored at all asks for the tail ({@code min(globalindex) - 1}) and would read them, as it
 * would read a real history; both services' processors stored theirs at their first start, before
 * the load. So the services keep running, nothing rewrites their tokens, and no handler sees a bulk
 * event. Loaded above the tokens, they would have each projection and outbox handle a million
 * events; moving the tokens past them would mean rewriting the engine's serialized tokens from
 * outside, with the services stopped and their JVMs cold afterwards.
 *
 * <p>After the load, VACUUM (ANALYZE) and a CHECKPOINT leave the tables as a store that size would be
 * after autovacuum had seen it, so that neither autovacuum nor the load's dirty pages work during the
 * phases that follow.
 */
final class BulkHistory {

    static final int EVENTS = 1_000_000;
    private static final int PER_AGGREGATE = 10;
    /** Rows per INSERT, each its own transaction: a bounded statement, and progress between them. */
    private static final int CHUNK = 100_000;

    /** One service's store: its aggregate type, and SQL expressions of its events' payload type and payload. */
    private record Store(String service, String aggregateType, String payloadType, String payload) {}

    /**
     * The columns of the row numbered {@code n}, {@code s} its sequence number in aggregate {@code a}:
     * {@code aggregate_id}, {@code trace_id} (the metadata's correlation and trace ids, as Axon writes
     * them) and {@code stamp}, the timestamp as the engine writes it (milliseconds and Z).
     */
    private static final String INSERT = """
            INSERT INTO domainevententry (globalindex, aggregateidentifier, sequencenumber, type, eventidentifier,
                                          metadata, payload, payloadrevision, payloadtype, timestamp)
            SELECT n - %1$d, aggregate_id, s, '%2$s', md5('bulk-event-' || n)::uuid::text,
                   convert_to('{"traceId":"' || trace_id || '","correlationId":"' || trace_id || '"}', 'UTF8'),
                   convert_to(%3$s, 'UTF8'), '1', %4$s, stamp
            FROM (SELECT n, a, n - a * %5$d AS s, md5('bulk-aggregate-' || a)::uuid::text AS aggregate_id,
                         md5('bulk-trace-' || n)::uuid::text AS trace_id,
                         to_char(timestamp '2026-01-01' + n * interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS stamp
                  FROM (SELECT n, n / %5$d AS a FROM generate_series(?::bigint, ?::bigint) AS n) AS numbered) AS bulk
            """;

    /** A seat ledger per aggregate: each event a machine activated on that license. */
    private static final Store ACTIVATIONS =
            new Store("activation-service", "LicenseSeats", "'" + EventStores.MACHINE_ACTIVATED + "'", """
            '{"activationId":"' || md5('bulk-activation-' || n)::uuid::text || '","licenseId":"' || aggregate_id
            || '","fingerprint":"fp-bulk-' || n || '","hostname":"bulk-host-' || s
            || '","productVersion":"5.3.0","mode":"ONLINE","at":"' || stamp || '","activeActivations":' || (s + 1) || '}'
            """);

    /** A license per aggregate: issued, then its activation status changed nine times. */
    private static final Store LICENSES = new Store(
            "license-service",
            "License",
            """
            CASE WHEN s = 0 THEN '%s' ELSE '%s' END
            """.formatted(EventStores.LICENSE_ISSUED, EventStores.ACTIVATION_STATUS_CHANGED),
            """
            CASE WHEN s = 0 THEN '{"licenseId":"' || aggregate_id || '","licenseKey":"BULK-' || a
                || '","purchaseId":"BULK-' || (a / 1000) || '","purchaseEmail":"bulk@example.org","productCode":"BACKUP"'
                || ',"edition":"Professional","maxActivations":10,"purchasedAt":"' || stamp
                || '","maintenanceUntil":"2027-01-01","remoteManagementSince":null}'
            ELSE '{"licenseId":"' || aggregate_id || '","activated":true,"activeActivations":' || s || '}' END
            """);

    private BulkHistory() {}

    /** Loads the history into both stores and records how long that took and what the stores hold then. */
    static void load() {
        System.out.println("bulk-loading " + EVENTS + " events into each event store");
        Map<String, Object> figures = new LinkedHashMap<>();
        List<String> loaded = new ArrayList<>();
        for (Store store : List.of(ACTIVATIONS, LICENSES)) {
            long started = System.nanoTime();
            insert(store);
            loaded.add(String.format("%s %.0f", store.service(), (System.nanoTime() - started) / 1e9));
        }
        figures.put(
                String.format(
                        Locale.ROOT,
                        "bulk load of %,d events into each event store (INSERT ... SELECT, "
                                + "%d transactions each), s",
                        EVENTS,
                        EVENTS / CHUNK),
                String.join(", ", loaded));
        long started = System.nanoTime();
        List<String> sizes = new ArrayList<>();
        for (Store store : List.of(ACTIVATIONS, LICENSES)) {
            sizes.add(store.service() + " " + vacuumAndMeasure(store.service()));
        }
        checkpoint();
        figures.put(
                "after the bulk load, VACUUM (ANALYZE) of both event tables and a CHECKPOINT, s",
                Math.round((System.nanoTime() - started) / 1e9));
        figures.put("event stores after the bulk load", String.join("; ", sizes));
        Figures.benchmark(figures);
    }

    private static void insert(Store store) {
        try (Connection connection = EventStores.of(store.service());
                PreparedStatement insert = connection.prepareStatement(INSERT.formatted(
                        EVENTS, store.aggregateType(), store.payload(), store.payloadType(), PER_AGGREGATE))) {
            for (long first = 0; first < EVENTS; first += CHUNK) {
                insert.setLong(1, first);
                insert.setLong(2, Math.min(first + CHUNK, EVENTS) - 1);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("bulk load into " + store.service() + "'s event store failed", e);
        }
    }

    /** VACUUM (ANALYZE) of the event table, then its rows and its size with its indexes. */
    private static String vacuumAndMeasure(String service) {
        try (Connection connection = EventStores.of(service);
                Statement statement = connection.createStatement()) {
            statement.execute("VACUUM (ANALYZE) domainevententry");
            try (ResultSet table = statement.executeQuery(
                    "SELECT count(*), pg_total_relation_size('domainevententry') FROM domainevententry")) {
                table.next();
                return String.format(
                        "%,d events, %,d MB with its indexes", table.getLong(1), table.getLong(2) / (1024 * 1024));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("VACUUM of " + service + "'s event store failed", e);
        }
    }

    /** Writes the load's dirty pages now, rather than spread over the next minutes of the phases. */
    private static void checkpoint() {
        try (Connection connection = EventStores.connect("postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new IllegalStateException("CHECKPOINT after the bulk load failed", e);
        }
    }
}
