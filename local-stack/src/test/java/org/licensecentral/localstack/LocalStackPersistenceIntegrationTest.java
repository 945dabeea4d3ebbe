package org.licensecentral.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licensecentral.testsupport.KraftBroker;
import org.licensecentral.testsupport.TopicReader;

/** What the local stack keeps under its data directory survives a stop and a start. */
class LocalStackPersistenceIntegrationTest {

    @TempDir
    Path dataDir;

    @Test
    void kafkaKeepsRecordsAcrossARestart() throws Exception {
        int port = freePort();
        int controllerPort = freePort();
        try (KraftBroker broker = KraftBroker.start(dataDir.resolve("kafka"), port, controllerPort, 1);
                KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>("store.purchases", "P-1", "{\"purchaseId\":\"P-1\"}"))
                    .get();
        }

        try (KraftBroker restarted = KraftBroker.start(dataDir.resolve("kafka"), port, controllerPort, 1)) {
            assertThat(TopicReader.read(restarted.bootstrapServers(), "store.purchases", 1))
                    .singleElement()
                    .satisfies(record -> assertThat(record.key()).isEqualTo("P-1"));
        }
    }

    @Test
    void mongoWireServerKeepsDocumentsInItsH2File() {
        String file = dataDir.resolve("mongo.mv").toString();
        MongoServer server = new MongoServer(new H2Backend(file));
        String uri = server.bindAndGetConnectionString();
        try (MongoClient client = MongoClients.create(uri)) {
            collection(client).insertOne(new Document("_id", "lic-1").append("product", "Backup"));
        }
        server.shutdown();

        MongoServer restarted = new MongoServer(new H2Backend(file));
        try (MongoClient client = MongoClients.create(restarted.bindAndGetConnectionString())) {
            assertThat(collection(client).find(new Document("_id", "lic-1")).first())
                    .containsEntry("product", "Backup");
        } finally {
            restarted.shutdown();
        }
    }

    @Test
    void mailboxKeepsMailAcrossARestart() throws Exception {
        StackConfig config = new StackConfig(
                dataDir,
                dataDir,
                Map.of("smtp", freePort(), "imap", freePort(), "pop3", freePort(), "mailbox-web", freePort()),
                "",
                Duration.ofSeconds(1));
        try (Mailbox mailbox = Mailbox.start(config)) {
            GreenMailUtil.sendTextEmail(
                    "demo@licensecentral.test",
                    "noreply@licensecentral.test",
                    "Your code",
                    "123456",
                    new ServerSetup(config.port("smtp"), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        }

        try (Mailbox restarted = Mailbox.start(config)) {
            assertThat(dataDir.resolve("mail/demo@licensecentral.test/INBOX")).isNotEmptyDirectory();
            HttpResponse<String> page = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + config.port("mailbox-web") + "/"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).contains("Mailbox (1)").contains("Your code");
        }
    }

    @Test
    void dataOfTheLayoutWithEventsInMongoIsRefusedWithWhatToDo() throws IOException {
        Files.createDirectories(dataDir.resolve("mongo"));
        Files.writeString(dataDir.resolve("mongo/mongo.mv"), "an H2 file of the earlier layout");

        assertThatThrownBy(() -> LocalStack.checkDataLayout(dataDir))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("earlier version")
                .hasMessageContaining("rm -rf " + dataDir);

        Files.createDirectories(dataDir.resolve("postgres"));
        LocalStack.checkDataLayout(dataDir); // the current layout: read models in MongoDB, events in PostgreSQL
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("license-service").getCollection("licenses");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
