package org.licensecentral.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.licensecentral.support.messaging.Payloads;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.cloud.function.cloudevent.CloudEventMessageBuilder;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * Two Spring Boot applications, each with its own Spring Cloud Stream Kafka binder, talk through
 * the real broker: what one publishes with CloudEvents headers reaches the other's binding, and a
 * record the consumer cannot process goes to the dead-letter topic while consumption goes on.
 */
class BinderRoundTripIntegrationTest {

    private static final String TOPIC = "platform.roundtrip";
    private static final String GROUP = "receiver";
    // The Kafka binder's dead-letter naming convention: error.<destination>.<group>.
    private static final String DEAD_LETTER_TOPIC = "error." + TOPIC + "." + GROUP;

    record Greeting(String licenseId, String text) {}

    private static ConfigurableApplicationContext publisher;
    private static ConfigurableApplicationContext subscriber;
    private static String bootstrapServers;

    @BeforeAll
    static void startBothApplications() {
        bootstrapServers = TestInfrastructure.get().kafkaBootstrapServers();
        subscriber = application(
                SubscriberApplication.class,
                "subscriber",
                "spring.cloud.function.definition=receive",
                "spring.cloud.stream.bindings.receive-in-0.destination=" + TOPIC,
                "spring.cloud.stream.bindings.receive-in-0.group=" + GROUP,
                "spring.cloud.stream.bindings.receive-in-0.consumer.max-attempts=2",
                "spring.cloud.stream.bindings.receive-in-0.consumer.back-off-initial-interval=50",
                "spring.cloud.stream.kafka.bindings.receive-in-0.consumer.enable-dlq=true");
        publisher = application(
                PublisherApplication.class,
                "publisher",
                "spring.cloud.stream.bindings.greetings-out-0.destination=" + TOPIC);
    }

    @AfterAll
    static void stopBothApplications() {
        publisher.close();
        subscriber.close();
    }

    @Test
    void publishedMessageReachesTheOtherApplicationWithCloudEventsHeaders() throws Exception {
        String id = UUID.randomUUID().toString();
        Message<Greeting> message = CloudEventMessageBuilder.withData(new Greeting("lic-1", "hello"))
                .setId(id)
                .setSource("/license-central/test/publisher")
                .setType("org.licensecentral.test.greeting.v1")
                .setSubject("lic-1")
                .setTime(OffsetDateTime.now().toString())
                .setHeader(KafkaHeaders.KEY, "lic-1")
                .build(CloudEventMessageUtils.KAFKA_ATTR_PREFIX);

        assertThat(publisher.getBean(StreamBridge.class).send("greetings-out-0", message))
                .isTrue();

        Message<Greeting> received = nextReceived(id);
        assertThat(received.getPayload()).isEqualTo(new Greeting("lic-1", "hello"));
        // Consumers read the attributes through CloudEventMessageUtils, whatever the binding's prefix.
        assertThat(CloudEventMessageUtils.getType(received)).isEqualTo("org.licensecentral.test.greeting.v1");

        // On the wire, as a consumer outside Spring reads it: key and CloudEvents Kafka binding headers.
        ConsumerRecord<String, String> record =
                TopicReader.first(bootstrapServers, TOPIC, r -> id.equals(TopicReader.header(r, "ce_id")));
        assertThat(record.key()).isEqualTo("lic-1");
        assertThat(TopicReader.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(TopicReader.header(record, "ce_type")).isEqualTo("org.licensecentral.test.greeting.v1");
        assertThat(TopicReader.header(record, "ce_source")).isEqualTo("/license-central/test/publisher");
        assertThat(TopicReader.header(record, "ce_subject")).isEqualTo("lic-1");
        assertThat(TopicReader.header(record, "ce_time")).isNotBlank();
    }

    @Test
    void unprocessableMessageLandsInTheDeadLetterTopicAndConsumingGoesOn() throws Exception {
        String goodId = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(TOPIC, "lic-poison", "{\"licenseId\": \"lic-poison\", \"text\": "))
                    .get();
            ProducerRecord<String, String> good =
                    new ProducerRecord<>(TOPIC, "lic-2", "{\"licenseId\": \"lic-2\", \"text\": \"after the poison\"}");
            good.headers().add("ce_id", goodId.getBytes());
            good.headers().add("contentType", "application/json".getBytes());
            producer.send(good).get();
        }

        assertThat(nextReceived(goodId).getPayload()).isEqualTo(new Greeting("lic-2", "after the poison"));
        assertThat(TopicReader.read(bootstrapServers, DEAD_LETTER_TOPIC, 1))
                .singleElement()
                .satisfies(dead -> {
                    assertThat(dead.key()).isEqualTo("lic-poison");
                    assertThat(TopicReader.header(dead, "x-exception-message")).isNotBlank();
                });
    }

    @SuppressWarnings("unchecked")
    private static Message<Greeting> nextReceived(String ceId) throws InterruptedException {
        BlockingQueue<Message<Greeting>> received = subscriber.getBean("received", BlockingQueue.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Message<Greeting> message = received.poll(200, TimeUnit.MILLISECONDS);
            if (message != null && ceId.equals(CloudEventMessageUtils.getId(message))) {
                return message;
            }
        }
        throw new AssertionError("no message with ce_id " + ceId + " arrived");
    }

    private static ConfigurableApplicationContext application(Class<?> type, String name, String... properties) {
        return new SpringApplicationBuilder(type)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.application.name=" + name,
                        "spring.cloud.stream.kafka.binder.brokers=" + bootstrapServers)
                .properties(properties)
                .run();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = {MongoAutoConfiguration.class, DataMongoAutoConfiguration.class})
    static class PublisherApplication {}

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = {MongoAutoConfiguration.class, DataMongoAutoConfiguration.class})
    static class SubscriberApplication {

        @Bean
        BlockingQueue<Message<Greeting>> received() {
            return new LinkedBlockingQueue<>();
        }

        @Bean
        Consumer<Message<Greeting>> receive(BlockingQueue<Message<Greeting>> received) {
            return message -> {
                Payloads.require(message, Greeting.class);
                received.add(message);
            };
        }
    }
}
