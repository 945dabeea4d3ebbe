package org.licensecentral.support.axon;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Spreads the segments of each streaming processor evenly over the live instances of a service
 * (issue 18). Axon's pooled processor claims every free segment it sees and Axon Framework has no
 * balancing of its own (Axon Server has; this system runs without it), so the first instance to
 * start would keep all six and a second would idle. Every few seconds each instance writes that it
 * is alive to {@code processor_node}, counts the instances seen within the liveness window, and
 * releases the segments it holds beyond its fair share, {@code ceil(segments / instances)}, for a
 * claim timeout; the coordinator of an instance with fewer claims takes them on its next look.
 *
 * <p>Only releasing is decided here; taking over is Axon's: a dead instance's claims expire after
 * the token store's claim timeout, and the survivors' coordinators claim them, whatever this class
 * thinks. A wrong count of instances therefore costs a little churn, never a segment nobody
 * processes for longer than a claim timeout.
 */
public final class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final ScheduledExecutorService executor;
    private final Duration interval;
    private final Duration liveness;
    private final Duration releaseFor;
    private final String nodeId = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private volatile int liveNodes = 1;
    private volatile boolean running;

    public SegmentBalancer(
            JdbcTemplate jdbc,
            EventProcessingConfiguration processing,
            TokenStore tokenStore,
            TransactionManager transactionManager,
            ScheduledExecutorService executor,
            Duration interval,
            Duration releaseFor) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.executor = executor;
        this.interval = interval;
        // Three missed heartbeats: a long collection pause or a slow database does not make an
        // instance look dead to the others, which would only make them keep more than their share.
        this.liveness = interval.multipliedBy(3);
        this.releaseFor = releaseFor;
    }

    /** The fair share of one instance: every segment is someone's, no instance more than one above another. */
    static int fairShare(int segments, int liveNodes) {
        return (segments + Math.max(1, liveNodes) - 1) / Math.max(1, liveNodes);
    }

    /** Which of the claimed segments to give up: the highest ones, beyond the fair share. */
    static List<Integer> toRelease(List<Integer> claimed, int fairShare) {
        return claimed.stream().sorted().skip(Math.max(0, fairShare)).toList();
    }

    /** One round: say this instance is alive, count the live ones, give up what is above the fair share. */
    void balance() {
        jdbc.update(
                "INSERT INTO processor_node (node_id, last_seen) VALUES (?, now())"
                        + " ON CONFLICT (node_id) DO UPDATE SET last_seen = now()",
                nodeId);
        // An instance that stopped in order deleted its row; one that died leaves it, cleared here later.
        jdbc.update("DELETE FROM processor_node WHERE last_seen < now() - interval '1 hour'");
        Integer live = jdbc.queryForObject(
                "SELECT count(*) FROM processor_node WHERE last_seen > now() - make_interval(secs => ?)",
                Integer.class,
                (double) liveness.toMillis() / 1000);
        liveNodes = live == null ? 1 : Math.max(1, live);
        streamingProcessors().forEach(this::balance);
    }

    /** The processors that have segments to balance, by name. */
    private Map<String, StreamingEventProcessor> streamingProcessors() {
        Map<String, StreamingEventProcessor> streaming = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor segmented) {
                streaming.put(name, segmented);
            }
        });
        return streaming;
    }

    private void balance(String name, StreamingEventProcessor processor) {
        if (!processor.isRunning()) {
            return;
        }
        int segments = transactionManager.fetchInTransaction(() -> tokenStore.fetchSegments(name)).length;
        int share = fairShare(segments, liveNodes);
        List<Integer> release =
                toRelease(List.copyOf(processor.processingStatus().keySet()), share);
        for (int segment : release) {
            log.info(
                    "{}: releasing segment {} of {} for {} ({} live instances, a share of {})",
                    name,
                    segment,
                    segments,
                    releaseFor,
                    liveNodes,
                    share);
            processor.releaseSegment(segment, releaseFor.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void balanceSafely() {
        try {
            balance();
        } catch (RuntimeException e) {
            // The next round tries again; a database that is away now is no reason to stop for good.
            log.warn("segment balancing failed, trying again in {}: {}", interval, e.toString());
        }
    }

    /** The number of instances this one counted in its last round, and the segments it holds per processor. */
    void bindMetrics(MeterRegistry registry) {
        Gauge.builder("licensecentral.axon.instances.live", () -> liveNodes)
                .description("Instances of this service seen alive in processor_node")
                .register(registry);
        streamingProcessors()
                .forEach((name, processor) -> Gauge.builder(
                                "licensecentral.axon.segments.claimed",
                                () -> processor.processingStatus().size())
                        .tag("processor", name)
                        .description("Segments of the processor this instance has claimed")
                        .register(registry));
    }

    @Override
    public void start() {
        running = true;
        executor.scheduleWithFixedDelay(
                this::balanceSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        executor.shutdownNow();
        try {
            // The others count one instance fewer at once and take its segments as it gives them back.
            jdbc.update("DELETE FROM processor_node WHERE node_id = ?", nodeId);
        } catch (RuntimeException e) {
            log.warn("could not remove {} from processor_node: {}", nodeId, e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the processors start (Axon's lifecycle phases are below this) and stops before they do. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
