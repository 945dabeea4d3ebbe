package org.licensecentral.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The one way tests get real infrastructure: a Kafka broker, a PostgreSQL server, a MongoDB-wire
 * server and an SMTP server (with IMAP and POP3). Each is started on first use and shared by every test class of the
 * JVM (Surefire reuses one fork per module), then stopped when the JVM exits.
 *
 * <p>{@link Mode#EMBEDDED} runs a real KRaft broker ({@link KraftBroker}) and mongo-java-server in
 * this JVM and PostgreSQL 17 from Maven Central's binaries as a process of its own
 * ({@link PostgresServer}); {@link Mode#DOCKER} runs {@code apache/kafka}, {@code postgres:17} and
 * {@code mongo:7} (a replica set) with Testcontainers. The mode is the system property or environment variable
 * {@value #MODE_PROPERTY} ({@code auto}, {@code embedded} or {@code docker}); {@code auto}, the
 * default, takes Docker where an engine answers. GreenMail serves mail in both modes.
 */
public final class TestInfrastructure {

    public enum Mode {
        EMBEDDED,
        DOCKER
    }

    public static final String MODE_PROPERTY = "licensecentral.test.infrastructure";
    static final String KAFKA_IMAGE_PROPERTY = "licensecentral.test.image.kafka";
    static final String MONGO_IMAGE_PROPERTY = "licensecentral.test.image.mongo";
    static final String POSTGRES_IMAGE_PROPERTY = "licensecentral.test.image.postgres";

    /**
     * Tests need no durability across a power cut, and PostgreSQL's fsyncs are most of a small
     * commit's cost on this machine; crash recovery is what the local stack's fault runs test.
     */
    private static final Map<String, String> EMBEDDED_POSTGRES_SETTINGS =
            Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off", "max_connections", "200");

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final Map<Mode, TestInfrastructure> instances = new EnumMap<>(Mode.class);

    private final Mode mode;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private String kafkaBootstrapServers;
    private String mongoConnectionString;
    private PostgresServer postgres;
    private GreenMail mail;

    private TestInfrastructure(Mode mode) {
        this.mode = mode;
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "test-infrastructure-stop"));
    }

    /** The infrastructure of the selected mode. */
    public static TestInfrastructure get() {
        return of(selectedMode());
    }

    /** The infrastructure of the given mode; {@link Mode#DOCKER} needs a Docker engine. */
    public static synchronized TestInfrastructure of(Mode mode) {
        if (mode == Mode.DOCKER && !Docker.isAvailable()) {
            throw new IllegalStateException("Docker infrastructure was asked for, but " + Docker.unavailableReason());
        }
        return instances.computeIfAbsent(mode, TestInfrastructure::new);
    }

    static Mode selectedMode() {
        String value = System.getProperty(
                MODE_PROPERTY,
                System.getenv()
                        .getOrDefault(MODE_PROPERTY.toUpperCase(Locale.ROOT).replace('.', '_'), "auto"));
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "embedded" -> Mode.EMBEDDED;
            case "docker" -> Mode.DOCKER;
            case "auto" -> Docker.isAvailable() ? Mode.DOCKER : Mode.EMBEDDED;
            default ->
                throw new IllegalArgumentException(
                        MODE_PROPERTY + " must be auto, embedded or docker, not '" + value + "'");
        };
    }

    public Mode mode() {
        return mode;
    }

    /** {@code host:port} of the Kafka broker. */
    public synchronized String kafkaBootstrapServers() {
        if (kafkaBootstrapServers == null) {
            kafkaBootstrapServers = mode == Mode.DOCKER ? startKafkaContainer() : startKraftBroker();
            log.info("Kafka ({}) at {}", mode, kafkaBootstrapServers);
        }
        return kafkaBootstrapServers;
    }

    /** {@code mongodb://host:port}, without a database. */
    public synchronized String mongoConnectionString() {
        if (mongoConnectionString == null) {
            mongoConnectionString = mode == Mode.DOCKER ? startMongoContainer() : startMongoServer();
            log.info("MongoDB ({}) at {}", mode, mongoConnectionString);
        }
        return mongoConnectionString;
    }

    /** The PostgreSQL server; {@link PostgresServer#ensureDatabase} gives a service its database. */
    public synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = mode == Mode.DOCKER ? PostgresServer.container(image(POSTGRES_IMAGE_PROPERTY)) : startPostgres();
            started.push(postgres);
            log.info("PostgreSQL ({}) at {}", mode, postgres.jdbcUrl(""));
        }
        return postgres;
    }

    /** GreenMail with SMTP, IMAP and POP3 on free ports. */
    public synchronized GreenMail mail() {
        if (mail == null) {
            GreenMail greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_POP3_IMAP));
            greenMail.start();
            started.push(greenMail::stop);
            mail = greenMail;
        }
        return mail;
    }

    private String startKraftBroker() {
        Path logDir;
        try {
            logDir = Files.createTempDirectory("kraft-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KraftBroker broker = KraftBroker.start(logDir, FreePorts.next(), FreePorts.next(), 1);
        started.push(broker);
        return broker.bootstrapServers();
    }

    private static PostgresServer startPostgres() {
        Path dataDirectory;
        try {
            dataDirectory = Files.createTempDirectory("postgres-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PostgresServer.embedded(
                dataDirectory,
                0,
                dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log"),
                EMBEDDED_POSTGRES_SETTINGS);
    }

    private String startMongoServer() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        started.push(server::shutdownNow);
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }

    private String startKafkaContainer() {
        KafkaContainer kafka = new KafkaContainer(image(KAFKA_IMAGE_PROPERTY));
        kafka.start();
        started.push(kafka::stop);
        return kafka.getBootstrapServers();
    }

    private String startMongoContainer() {
        // MongoDBContainer starts mongod as a single-node replica set, like docker-compose.yml.
        MongoDBContainer mongo = new MongoDBContainer(image(MONGO_IMAGE_PROPERTY));
        mongo.start();
        started.push(mongo::stop);
        return mongo.getConnectionString();
    }

    private static DockerImageName image(String property) {
        String image = System.getProperty(property);
        if (image == null) {
            throw new IllegalStateException(property + " is not set; the parent pom pins the images for Surefire");
        }
        return DockerImageName.parse(image);
    }

    private synchronized void stopAll() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                log.warn("stopping test infrastructure failed", e);
            }
        }
    }
}
