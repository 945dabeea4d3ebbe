package org.licensecentral.support.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.cloud.function.cloudevent.CloudEventMessageBuilder;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.integration.kafka.support.KafkaIntegrationHeaders;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.MessageChannel;

/**
 * Publishes one message to a Spring Cloud Stream binding the platform's way: JSON body, Kafka key
 * = the natural id, CloudEvents Kafka binding headers.
 *
 * <p>The Kafka bindings send asynchronously. So that a caller still learns whether the broker took
 * the record, each message carries a holder in the {@code kafka_futureToken} header, and the Kafka
 * producer handler hands the send's future to {@link #sendFutures()}, which puts it in that holder
 * (on the sending thread, before {@code StreamBridge.send} returns).
 */
public class CloudEventsPublisher {

    private final StreamBridge streamBridge;
    private final String source;
    private final Duration acknowledgementTimeout;

    public CloudEventsPublisher(StreamBridge streamBridge, String source, Duration acknowledgementTimeout) {
        this.streamBridge = streamBridge;
        this.source = source;
        this.acknowledgementTimeout = acknowledgementTimeout;
    }

    /**
     * Sends without waiting: the future completes when the broker acknowledged the record, and
     * exceptionally when the producer gave up on it.
     *
     * @param id   the {@code ce_id} consumers deduplicate on: the Axon event id for facts, or the id
     *             of what is requested
     * @param type the full CloudEvents type, {@code org.licensecentral.<context>.<event>.v1}
     * @param key  the Kafka key and {@code ce_subject}
     */
    public CompletableFuture<?> send(String binding, String id, String type, String key, Instant time, Object payload) {
        AtomicReference<CompletableFuture<?>> future = new AtomicReference<>();
        boolean sent = streamBridge.send(
                binding,
                CloudEventMessageBuilder.withData(payload)
                        .setId(id)
                        .setSource(source)
                        .setType(type)
                        .setSubject(key)
                        .setTime(time.atOffset(ZoneOffset.UTC).toString())
                        .setHeader(KafkaHeaders.KEY, key)
                        .setHeader(KafkaIntegrationHeaders.FUTURE_TOKEN, future)
                        .build(CloudEventMessageUtils.KAFKA_ATTR_PREFIX));
        if (!sent) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException(binding + " did not accept " + type + " " + id));
        }
        if (future.get() == null) {
            // Only a binding that is not Kafka's (none here) would skip the futures channel.
            return CompletableFuture.failedFuture(
                    new IllegalStateException(binding + " gave no acknowledgement for " + id));
        }
        return future.get();
    }

    /** Sends and returns once the broker acknowledged; throws if it did not. */
    public void publish(String binding, String id, String type, String key, Instant time, Object payload) {
        await(send(binding, id, type, key, time, payload));
    }

    /** Waits for acknowledgements, at most the configured time; throws if one failed or is late. */
    public void await(CompletableFuture<?> acknowledged) {
        try {
            acknowledged.get(acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker did not acknowledge a send", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no acknowledgement from the broker within " + acknowledgementTimeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    /** The channel the Kafka producer handlers send each send's future to (see the class comment). */
    @SuppressWarnings("unchecked")
    static MessageChannel sendFutures() {
        return (message, timeout) -> {
            Object holder = message.getHeaders().get(KafkaIntegrationHeaders.FUTURE_TOKEN);
            if (holder instanceof AtomicReference<?> reference
                    && message.getPayload() instanceof CompletableFuture<?> future) {
                ((AtomicReference<CompletableFuture<?>>) reference).set(future);
                return true;
            }
            return false;
        };
    }
}
