package org.licensecentral.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

import org.licensecentral.localstack.StackConfig;

/**
 * The two event stores (Axon's JDBC engine, a PostgreSQL database per service, tables of the default
 * EventSchema) on the stack's PostgreSQL server, as the benchmark reads them from outside: as the
 * server's superuser, whom the embedded server trusts on local connections without a password. The
 * services' own roles have passwords that only their processes are given.
 */
final class EventStores {

    /** Axon writes the event's class name as its payload type; the benchmark does not have the classes. */
    static final String MACHINE_ACTIVATED = "org.licensecentral.activation.api.MachineActivatedEvent";

    static final String ACTIVATION_STATUS_CHANGED =
            "org.licensecentral.license.api.LicenseActivationStatusChangedEvent";
    static final String LICENSE_ISSUED = "org.licensecentral.license.api.LicenseIssuedEvent";

    /** Every statement ends by then, on the server: the longest, a chunk of the bulk load or a VACUUM, takes seconds. */
    private static final Duration STATEMENT_TIMEOUT = Duration.ofMinutes(5);

    private EventStores() {}

    /** A service's event store: the database the local stack gave it. */
    static Connection of(String service) throws SQLException {
        return connect(StackConfig.DATABASES.get(service));
    }

    /** Any database of the stack's server, as its superuser. */
    static Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("password", "");
        properties.setProperty("options", "-c statement_timeout=" + STATEMENT_TIMEOUT.toMillis());
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + SystemStack.get().port("postgres") + "/" + database, properties);
    }

    /** The global index of the service's newest event so far, 0 while it has none. */
    static long head(String service) {
        try (Connection connection = of(service);
                PreparedStatement statement =
                        connection.prepareStatement("SELECT coalesce(max(globalindex), 0) FROM domainevententry");
                ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the head of " + service + "'s event store", e);
        }
    }

    /**
     * How many events of that payload type the service appended after {@code head}. An append still
     * uncommitted when {@code head} was read, with a lower index than it, is missed: one or two at
     * the boundary of a phase at most.
     */
    static long appendedAfter(String service, long head, String payloadType) {
        try (Connection connection = of(service);
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT count(*) FROM domainevententry WHERE globalindex > ? AND payloadtype = ?")) {
            statement.setLong(1, head);
            statement.setString(2, payloadType);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the events in " + service + "'s event store", e);
        }
    }
}
