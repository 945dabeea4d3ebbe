package org.licensecentral.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.licensecentral.testsupport.PostgresServer;
import org.licensecentral.testsupport.TestInfrastructure;

/**
 * Every query Axon's JDBC engine runs on a hot path is answered by an index of the Flyway schema,
 * so its cost does not grow with the history: PostgreSQL's own plan says so (a plan, not a time).
 * The statements are the engine's defaults, built with the parameters it would bind, on a store of
 * 300,000 events of 30,000 aggregates: on a store that big the planner scans a table whenever no
 * index fits, as the control case on a copy without indexes shows.
 */
class EventStoreQueryPlanIntegrationTest {

    private static final String DATABASE = "query_plans";
    private static final String PASSWORD = "query-plans";
    private static final int AGGREGATES = 30_000;
    private static final int EVENTS_PER_AGGREGATE = 10;
    private static final EventSchema SCHEMA = new EventSchema();
    private static final ObjectMapper json = new ObjectMapper();

    private static String url;

    @BeforeAll
    static void bulkLoadAStoreOfSomeSize() throws SQLException {
        PostgresServer postgres = TestInfrastructure.get().postgres();
        postgres.ensureDatabase(DATABASE, PASSWORD);
        url = postgres.jdbcUrl(DATABASE);
        Flyway.configure()
                .dataSource(url, DATABASE, PASSWORD)
                .locations("classpath:db/axon")
                .cleanDisabled(false)
                .load()
                .clean();
        Flyway.configure()
                .dataSource(url, DATABASE, PASSWORD)
                .locations("classpath:db/axon")
                .load()
                .migrate();
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            // Rows in the engine's own format: payloads and metadata as JSON bytes, ISO timestamps.
            statement.execute("""
                    INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                                  payload, payloadrevision, payloadtype, timestamp)
                    SELECT 'aggregate-' || (n / %1$d), n %% %1$d, 'LicenseSeats', 'event-' || n,
                           convert_to('{}', 'UTF8'), convert_to('{"licenseId":"aggregate-' || (n / %1$d) || '"}', 'UTF8'),
                           '1', 'org.licensecentral.activation.api.MachineActivatedEvent',
                           to_char(timestamp '2026-01-01' + n * interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                    FROM generate_series(0, %2$d - 1) AS n
                    """.formatted(EVENTS_PER_AGGREGATE, AGGREGATES * EVENTS_PER_AGGREGATE));
            statement.execute("""
                    INSERT INTO snapshotevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                                    payload, payloadrevision, payloadtype, timestamp)
                    SELECT aggregateidentifier, sequencenumber, type, 'snapshot-' || eventidentifier, metadata, payload,
                           payloadrevision, 'org.licensecentral.activation.command.LicenseSeats', timestamp
                    FROM domainevententry WHERE sequencenumber = 5
                    """);
            statement.execute("CREATE TABLE unindexed AS SELECT * FROM domainevententry");
            statement.execute("ANALYZE");
        }
    }

    @Test
    void loadingAnAggregateUsesTheAggregateSequenceIndex() throws SQLException {
        assertAnsweredByIndex(connection -> JdbcEventStorageEngineStatements.readEventDataForAggregate(
                connection, SCHEMA, "aggregate-12345", 0, 100));
    }

    @Test
    void theLastSequenceNumberOfAnAggregateUsesTheAggregateSequenceIndex() throws SQLException {
        assertAnsweredByIndex(connection ->
                JdbcEventStorageEngineStatements.lastSequenceNumberFor(connection, SCHEMA, "aggregate-12345"));
    }

    @Test
    void theSnapshotLookupUsesTheSnapshotKey() throws SQLException {
        assertAnsweredByIndex(
                connection -> JdbcEventStorageEngineStatements.readSnapshotData(connection, SCHEMA, "aggregate-12345"));
    }

    @Test
    void aTrackingPollUsesTheGlobalIndex() throws SQLException {
        assertAnsweredByIndex(connection ->
                JdbcEventStorageEngineStatements.readEventDataWithoutGaps(connection, SCHEMA, 250_000, 100));
    }

    @Test
    void aTrackingPollWithGapsUsesTheGlobalIndex() throws SQLException {
        assertAnsweredByIndex(connection -> JdbcEventStorageEngineStatements.readEventDataWithGaps(
                connection, SCHEMA, 250_000, 100, List.of(249_990L, 249_995L, 249_998L)));
    }

    @Test
    void theGapCleanupAndTheSkipAheadUseTheGlobalIndex() throws SQLException {
        assertAnsweredByIndex(connection -> JdbcEventStorageEngineStatements.cleanGaps(
                connection, SCHEMA, new TreeSet<>(List.of(249_990L, 249_995L))));
        assertAnsweredByIndex(
                connection -> JdbcEventStorageEngineStatements.fetchTrackedEvents(connection, SCHEMA, 250_000));
    }

    @Test
    void withoutTheIndexesThePlannerScansTheWholeTable() throws SQLException {
        try (Connection connection = connect()) {
            String sql = JdbcEventStorageEngineStatements.readEventDataForAggregate(
                            connection, SCHEMA, "aggregate-12345", 0, 100)
                    .toString()
                    .replace(SCHEMA.domainEventTable(), "unindexed");
            assertThat(planNodes(connection, sql)).as(sql).contains("Seq Scan on unindexed");
        }
    }

    private static void assertAnsweredByIndex(StatementBuilder builder) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement statement = builder.build(connection)) {
            // pgjdbc renders a prepared statement with its parameters bound, as the server receives it.
            String sql = statement.toString();
            List<String> nodes = planNodes(connection, sql);
            assertThat(nodes)
                    .as(sql)
                    .noneMatch(node -> node.startsWith("Seq Scan"))
                    .anyMatch(node -> node.contains("Index"));
        }
    }

    /** The plan's nodes, as "Node Type on relation" where the node reads a relation. */
    private static List<String> planNodes(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("EXPLAIN (FORMAT JSON) " + sql)) {
            result.next();
            List<String> nodes = new ArrayList<>();
            collect(json.readTree(result.getString(1)).get(0).get("Plan"), nodes);
            return nodes;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("EXPLAIN answered no JSON plan", e);
        }
    }

    private static void collect(JsonNode plan, List<String> nodes) {
        String relation =
                plan.path("Relation Name").asText(plan.path("Index Name").asText(""));
        nodes.add(plan.get("Node Type").asText() + (relation.isEmpty() ? "" : " on " + relation));
        plan.path("Plans").forEach(child -> collect(child, nodes));
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(url, DATABASE, PASSWORD);
    }

    @FunctionalInterface
    private interface StatementBuilder {
        PreparedStatement build(Connection connection) throws SQLException;
    }
}
