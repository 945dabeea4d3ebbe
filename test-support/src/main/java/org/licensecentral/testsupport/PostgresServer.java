package org.licensecentral.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A real PostgreSQL server and the one way the project creates a service's database on it: the
 * binaries Maven Central ships ({@code io.zonky.test}, PostgreSQL 17) as a process of their own, or
 * a Testcontainers {@code postgres} container. Each service gets a database and a role of its own
 * name, as in docker-compose and production, so that no service can read another's events.
 */
public final class PostgresServer implements AutoCloseable {

    /**
     * Settings for data that must survive a crash (the local stack): zonky starts the server with
     * {@code -F} (no fsync) and {@code synchronous_commit=off}, so a commit it acknowledged could
     * still be in the server's WAL buffers when the process is killed. These put PostgreSQL's own
     * defaults back; later {@code -c} options override the earlier ones.
     */
    public static final Map<String, String> DURABLE = Map.of("fsync", "on", "synchronous_commit", "on");

    /** Database and role names: a service's name with {@code _} for {@code -}, nothing to quote. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final String host;
    private final int port;
    private final String adminUser;
    private final String adminPassword;
    private final String adminDatabase;
    private final Path dataDirectory;
    private final AutoCloseable stop;

    private PostgresServer(
            String host,
            int port,
            String adminUser,
            String adminPassword,
            String adminDatabase,
            Path dataDirectory,
            AutoCloseable stop) {
        this.host = host;
        this.port = port;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.adminDatabase = adminDatabase;
        this.dataDirectory = dataDirectory;
        this.stop = stop;
    }

    /**
     * Starts the embedded server on {@code port} (0 for a free one) with its data in
     * {@code dataDirectory}: a directory that holds a cluster is started as it is (after a crash,
     * PostgreSQL recovers from its write-ahead log), an empty one is initialised first. The server's
     * own output goes to {@code log}. {@code settings} are {@code postgresql.conf} parameters.
     */
    public static PostgresServer embedded(Path dataDirectory, int port, Path log, Map<String, String> settings) {
        try {
            Files.createDirectories(dataDirectory);
            Files.createDirectories(log.toAbsolutePath().getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // The stack and the tests stop it themselves, in order (services first).
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (port != 0) {
                builder.setPort(port);
            }
            settings.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder.start();
            return new PostgresServer(
                    "127.0.0.1", postgres.getPort(), "postgres", "", "postgres", dataDirectory, postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL in " + dataDirectory, e);
        }
    }

    /** Starts a {@code postgres} container of the given image. */
    public static PostgresServer container(DockerImageName image) {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(image);
        container.start();
        return new PostgresServer(
                container.getHost(),
                container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
                container.getUsername(),
                container.getPassword(),
                container.getDatabaseName(),
                null,
                container::stop);
    }

    public int port() {
        return port;
    }

    /** {@code jdbc:postgresql://host:port/database}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /**
     * Creates the role {@code name} with {@code password} and the database {@code name} it owns and
     * alone may connect to (as docker-compose's init script does), unless they exist; says the
     * role's password again if it does.
     */
    public void ensureDatabase(String name, String password) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain PostgreSQL name: " + name);
        }
        try (Connection admin = adminConnection();
                Statement statement = admin.createStatement()) {
            String quotedPassword = "'" + password.replace("'", "''") + "'";
            statement.execute(
                    exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)
                            ? "ALTER ROLE " + name + " WITH LOGIN PASSWORD " + quotedPassword
                            : "CREATE ROLE " + name + " WITH LOGIN PASSWORD " + quotedPassword);
            if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
                statement.execute("CREATE DATABASE " + name + " OWNER " + name);
                // PUBLIC may connect to every new database; only its owner may connect to this one.
                statement.execute("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + jdbcUrl(adminDatabase), e);
        }
    }

    /** A connection as the server's superuser, to the given database. */
    public Connection adminConnection(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), adminUser, adminPassword);
    }

    private Connection adminConnection() throws SQLException {
        return adminConnection(adminDatabase);
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    /**
     * The process id of the running postmaster, from the first line of its {@code postmaster.pid};
     * for the fault runs that kill it. Only the embedded server has one here.
     */
    public long postmasterPid() {
        if (dataDirectory == null) {
            throw new IllegalStateException("a container's postmaster is not a process of this machine");
        }
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.US_ASCII)
                    .get(0)
                    .trim());
        } catch (IOException e) {
            throw new UncheckedIOException("no running postmaster in " + dataDirectory, e);
        }
    }

    /** Stops the server (a fast shutdown: open sessions are ended, committed data is kept). */
    @Override
    public void close() throws Exception {
        stop.close();
    }
}
