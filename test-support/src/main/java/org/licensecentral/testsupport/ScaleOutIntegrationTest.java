package org.licensecentral.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What lets several instances of an event-sourced service share its work (issue 18): every topic it
 * binds, dead-letter topics included, has the platform's 6 partitions, and each of its Axon
 * processors keeps 6 segments in the token store, each a {@code tokenentry} row that one instance
 * claims. Each event-sourced service extends this once and names its topics and processors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure
public abstract class ScaleOutIntegrationTest {

    /** licensecentral.messaging.partitions in the platform defaults, and the KafkaTopics' partitions. */
    private static final int PARTITIONS = 6;

    @Autowired
    private DataSource dataSource;

    /** Every topic the service consumes or produces, and the dead-letter topic of each consumer that has one. */
    protected abstract List<String> topics();

    /** The service's Axon event processors (processing groups). */
    protected abstract List<String> processors();

    @Test
    void everyTopicTheServiceUsesHasSixPartitions() throws Exception {
        Map<String, Integer> partitions = partitionsOf(topics());

        assertThat(partitions)
                .as("partitions per topic")
                .allSatisfy((topic, count) -> assertThat(count).as(topic).isEqualTo(PARTITIONS));
    }

    @Test
    void eachProcessorSplitsItsEventStreamIntoSixSegments() {
        // A pooled processor writes its segments' tokens when its coordinator first runs, just after the start.
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(segmentsPerProcessor())
                        .as("tokenentry rows per processor")
                        .containsAllEntriesOf(processors().stream()
                                .collect(TreeMap::new, (map, name) -> map.put(name, PARTITIONS), Map::putAll)));
    }

    private Map<String, Integer> partitionsOf(List<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        Properties properties = new Properties();
        properties.put(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers());
        try (Admin admin = Admin.create(properties)) {
            Map<String, TopicDescription> descriptions =
                    admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
            Map<String, Integer> partitions = new TreeMap<>();
            descriptions.forEach((topic, description) ->
                    partitions.put(topic, description.partitions().size()));
            return partitions;
        }
    }

    private Map<String, Integer> segmentsPerProcessor() throws SQLException {
        Map<String, Integer> segments = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT processorname, count(*) FROM tokenentry GROUP BY processorname");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                segments.put(rows.getString(1), rows.getInt(2));
            }
        }
        return segments;
    }
}
