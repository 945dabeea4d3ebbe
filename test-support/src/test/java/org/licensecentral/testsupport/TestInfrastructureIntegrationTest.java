package org.licensecentral.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each kind of infrastructure, in each mode, does the real thing: a broker round trip, a database
 * of a service's own, a stored document, a mail read back over IMAP.
 */
class TestInfrastructureIntegrationTest {

    @ParameterizedTest
    @EnumSource(TestInfrastructure.Mode.class)
    void kafkaDeliversAProducedRecordToAConsumer(TestInfrastructure.Mode mode) throws Exception {
        String servers = infrastructure(mode).kafkaBootstrapServers();
        String topic = "infrastructure-check-" + UUID.randomUUID();

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, "key-1", "hello")).get();
        }

        assertThat(TopicReader.read(servers, topic, 1)).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("key-1");
            assertThat(record.value()).isEqualTo("hello");
        });
    }

    @ParameterizedTest
    @EnumSource(TestInfrastructure.Mode.class)
    void mongoStoresAndFindsADocument(TestInfrastructure.Mode mode) {
        try (MongoClient client = MongoClients.create(infrastructure(mode).mongoConnectionString())) {
            MongoCollection<Document> collection =
                    client.getDatabase("infrastructure-check").getCollection("docs");
            String id = UUID.randomUUID().toString();
            collection.insertOne(new Document("_id", id).append("product", "Backup"));

            assertThat(collection.find(new Document("_id", id)).first()).containsEntry("product", "Backup");
        }
    }

    @ParameterizedTest
    @EnumSource(TestInfrastructure.Mode.class)
    void postgresGivesAServiceADatabaseOfItsOwnRole(TestInfrastructure.Mode mode) throws Exception {
        PostgresServer postgres = infrastructure(mode).postgres();
        String name = "check_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        postgres.ensureDatabase(name, "pw-" + name);
        postgres.ensureDatabase(name, "pw-" + name); // a second start of the same service

        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(name), name, "pw-" + name);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE owned (id BIGINT PRIMARY KEY)");
            statement.execute("INSERT INTO owned VALUES (42)");
            try (ResultSet result = statement.executeQuery(
                    "SELECT current_user, current_database(), (SELECT id FROM owned), current_setting('server_version_num')")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo(name);
                assertThat(result.getString(2)).isEqualTo(name);
                assertThat(result.getLong(3)).isEqualTo(42);
                assertThat(result.getInt(4)).as("PostgreSQL 17").isBetween(170000, 179999);
            }
        }
        String other = name + "_other";
        postgres.ensureDatabase(other, "pw-" + other);
        assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(name), other, "pw-" + other)
                        .close())
                .as("another service's role cannot connect")
                .isInstanceOf(SQLException.class);
    }

    @Test
    void embeddedPostgresKeepsItsDataAcrossAKillAndARestart(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("data");
        Path log = directory.resolve("postgres.log");
        PostgresServer first = PostgresServer.embedded(data, 0, log, PostgresServer.DURABLE);
        try (Connection connection = first.adminConnection("postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (id BIGINT PRIMARY KEY)");
            statement.execute("INSERT INTO kept VALUES (7)");
        }
        // As kill -9 does: no shutdown checkpoint; PostgreSQL must recover from its write-ahead log.
        ProcessHandle.of(first.postmasterPid()).orElseThrow().destroyForcibly();
        first.close();

        PostgresServer second = PostgresServer.embedded(data, 0, log, PostgresServer.DURABLE);
        try (Connection connection = second.adminConnection("postgres");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT id FROM kept")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getLong(1)).isEqualTo(7);
        } finally {
            second.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestInfrastructure.Mode.class)
    void smtpAcceptsAMailThatImapReadsBack(TestInfrastructure.Mode mode) throws Exception {
        GreenMail mail = infrastructure(mode).mail();
        String to = UUID.randomUUID() + "@example.org";
        mail.setUser(to, to, "secret");

        GreenMailUtil.sendTextEmail(
                to,
                "noreply@licensecentral.test",
                "Your code",
                "123456",
                mail.getSmtp().getServerSetup());

        Store store = mail.getImap().createStore();
        store.connect(to, "secret");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] messages = inbox.getMessages();
            assertThat(messages).hasSize(1);
            assertThat(messages[0].getSubject()).isEqualTo("Your code");
        } finally {
            store.close();
        }
    }

    private static TestInfrastructure infrastructure(TestInfrastructure.Mode mode) {
        assumeTrue(
                mode == TestInfrastructure.Mode.EMBEDDED || Docker.isAvailable(),
                () -> "Docker mode needs Docker: " + Docker.unavailableReason());
        return TestInfrastructure.of(mode);
    }
}
