package org.licensecentral.systemtests;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Propagation measured without asking the system anything: a consumer of {@code license.events}
 * notes when each license's {@code activation-status-changed} fact arrives, and the benchmark notes
 * when each activation was accepted. license-service publishes that fact from the tracking
 * processor that also updates its read model, in the same pass over the event, so the lag is the
 * time until the change is in license-service's read model and on the stream for every internal
 * consumer. Polling license-service for each pending activation measured the same on an idle stack,
 * but at 20 activations per second the polls (each reads the license's history from the event
 * store) became most of the load, and the lag they measured was mostly their own.
 */
final class LicenseEventsWatch implements AutoCloseable {

    private static final String ACTIVATION_STATUS_CHANGED = "org.licensecentral.license.activation-status-changed.v1";

    private final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> seenAt = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, String> consumer;
    private final Thread poller;
    private volatile boolean running = true;

    /** Starts at the end of the topic: only facts published from now on count. */
    LicenseEventsWatch(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        List<TopicPartition> partitions = consumer.partitionsFor("license.events", Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        poller = new Thread(this::poll, "license-events-watch");
        poller.setDaemon(true);
        poller.start();
    }

    /** The activation of this license was just accepted. */
    void accepted(String licenseId) {
        acceptedAt.put(licenseId, System.nanoTime());
    }

    /**
     * Waits until every accepted activation among these licenses has its fact on the stream, at
     * most {@code patience}; then the lag from acceptance to arrival, p50 and p99, and how many never
     * arrived. Empty when none of them was accepted.
     */
    Optional<String> lag(List<String> licenseIds, Duration patience) throws InterruptedException {
        List<String> accepted =
                licenseIds.stream().filter(acceptedAt::containsKey).toList();
        long deadline = System.nanoTime() + patience.toNanos();
        while (!seenAt.keySet().containsAll(accepted) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<Double> millis = new ArrayList<>();
        for (String licenseId : accepted) {
            Long seen = seenAt.get(licenseId);
            if (seen != null) {
                millis.add((seen - acceptedAt.get(licenseId)) / 1e6);
            }
        }
        if (millis.isEmpty()) {
            return Optional.empty();
        }
        Baselines.Percentiles lag = Baselines.Percentiles.of(millis);
        return Optional.of(String.format(
                "p50 %.0f ms, p99 %.0f ms (%d accepted, %d not on license.events after %s)",
                lag.p50(), lag.p99(), accepted.size(), accepted.size() - millis.size(), patience));
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    Header type = record.headers().lastHeader("ce_type");
                    if (type != null
                            && ACTIVATION_STATUS_CHANGED.equals(new String(type.value(), StandardCharsets.UTF_8))) {
                        seenAt.putIfAbsent(record.key(), now);
                    }
                }
            }
        } catch (WakeupException e) {
            // close() asked the poller to stop.
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join(Duration.ofSeconds(10).toMillis());
    }
}
