package org.licensecentral.support.messaging;

import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.cloud.function.cloudevent.CloudEventMessageBuilder;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Publishes one message to a Spring Cloud Stream binding the platform's way: JSON body, Kafka key
 * = the natural id, CloudEvents Kafka binding headers. With the binding's producer set to
 * {@code sync: true}, it returns only after the broker acknowledged, and throws otherwise; that is
 * what lets an Axon tracking processor use the event store as the outbox.
 */
public class CloudEventsPublisher {

    private final StreamBridge streamBridge;
    private final String source;

    public CloudEventsPublisher(StreamBridge streamBridge, String source) {
        this.streamBridge = streamBridge;
        this.source = source;
    }

    /**
     * @param id   the {@code ce_id} consumers deduplicate on: the Axon event id for facts, or the id
     *             of what is requested
     * @param type the full CloudEvents type, {@code org.licensecentral.<context>.<event>.v1}
     * @param key  the Kafka key and {@code ce_subject}
     */
    public void publish(String binding, String id, String type, String key, Instant time, Object payload) {
        boolean sent = streamBridge.send(binding, CloudEventMessageBuilder.withData(payload)
                .setId(id)
                .setSource(source)
                .setType(type)
                .setSubject(key)
                .setTime(time.atOffset(ZoneOffset.UTC).toString())
                .setHeader(KafkaHeaders.KEY, key)
                .build(CloudEventMessageUtils.KAFKA_ATTR_PREFIX));
        if (!sent) {
            throw new IllegalStateException(binding + " did not accept " + type + " " + id);
        }
    }
}
