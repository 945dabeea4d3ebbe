package org.licensecentral.systemtests;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a benchmark phase spends its time, read before and after the phase:
 * <ul>
 *   <li>CPU per process, and inside the JVM that runs the infrastructure and Gatling, per part
 *       (its threads by name: the MongoDB-wire server, Kafka, GreenMail, Gatling; the rest of
 *       that process's CPU is its garbage collector and JIT);</li>
 *   <li>MongoDB commands per service: the MongoDB driver's command timers
 *       ({@code mongodb.driver.commands}, which Spring Boot registers with Micrometer) from each
 *       service's Prometheus endpoint, divided by the number of operations of the phase: how many
 *       commands of each kind (collection and command) one operation costs, and how long each took.</li>
 * </ul>
 */
final class PhaseProfile {

    private static final Pattern SAMPLE = Pattern.compile(
            "^mongodb_driver_commands_seconds_(count|sum)\\{(.*)} (\\S+)$", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Calls and seconds of one collection's command. */
    private record Usage(double calls, double seconds) {
        Usage plus(Usage other) {
            return new Usage(calls + other.calls, seconds + other.seconds);
        }

        Usage minus(Usage before) {
            return before == null ? this : new Usage(calls - before.calls, seconds - before.seconds);
        }
    }

    private final List<String> services;
    private Map<String, Map<String, Usage>> before;
    private Map<String, Double> cpuBefore;
    private long startedAt;

    PhaseProfile(List<String> services) {
        this.services = services;
    }

    void start() {
        cpuBefore = cpuSeconds();
        startedAt = System.nanoTime();
        before = read();
    }

    /**
     * The phase's figure: for each service named in {@code countedBy}, its five most expensive
     * commands, as calls per {@code operation} and mean milliseconds per call. The number of
     * operations is that service's count of the command {@code countedBy} names for it.
     */
    void finish(String phase, String operation, Map<String, String> countedBy) {
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        Map<String, Double> cpuAfter = cpuSeconds();
        Map<String, Map<String, Usage>> after = read();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("CPU seconds in " + phase + " (" + Math.round(seconds) + " s on 2 cores)", cpuAfter.entrySet().stream()
                .map(entry -> String.format("%s %.1f", entry.getKey(), entry.getValue() - cpuBefore.getOrDefault(entry.getKey(), 0.0)))
                .collect(Collectors.joining(", ")));
        for (String service : new TreeSet<>(countedBy.keySet())) {
            Map<String, Usage> used = new HashMap<>();
            after.get(service).forEach((command, usage) -> used.put(command, usage.minus(before.get(service).get(command))));
            double operations = used.getOrDefault(countedBy.get(service), new Usage(0, 0)).calls();
            String top = used.entrySet().stream()
                    .filter(entry -> entry.getValue().calls() > 0)
                    .sorted(Comparator.comparingDouble((Map.Entry<String, Usage> entry) -> entry.getValue().seconds()).reversed())
                    .limit(5)
                    .map(entry -> String.format("%s %.1f× %.1f ms", entry.getKey(),
                            entry.getValue().calls() / Math.max(operations, 1), 1000 * entry.getValue().seconds() / entry.getValue().calls()))
                    .collect(Collectors.joining("; "));
            figures.put("MongoDB commands per " + operation + " in " + service + " (" + phase + ", "
                    + Math.round(operations) + " counted as " + countedBy.get(service) + ")", top);
        }
        Figures.benchmark(figures);
    }

    /** CPU seconds so far: per service process, and the parts of this JVM (which runs the infrastructure). */
    private static Map<String, Double> cpuSeconds() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        SystemStack.control().processIds().forEach((service, pid) -> cpu.put(service,
                ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration()).map(PhaseProfile::seconds).orElse(0.0)));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Double> parts = new LinkedHashMap<>();
        List.of("MongoDB-wire server", "Kafka", "GreenMail", "Gatling", "other threads").forEach(part -> parts.put(part, 0.0));
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            long nanos = thread == null ? -1 : threads.getThreadCpuTime(thread.getThreadId());
            if (nanos > 0) {
                parts.merge(part(thread.getThreadName()), nanos / 1e9, Double::sum);
            }
        }
        double infrastructure = ProcessHandle.current().info().totalCpuDuration().map(PhaseProfile::seconds).orElse(0.0);
        cpu.putAll(parts);
        // Threads that ended since the last reading are counted here too, with the GC and the JIT.
        cpu.put("infrastructure JVM's GC, JIT and ended threads",
                infrastructure - parts.values().stream().mapToDouble(Double::doubleValue).sum());
        return cpu;
    }

    private static String part(String thread) {
        if (thread.startsWith("mongo-server")) {
            return "MongoDB-wire server";
        }
        if (thread.startsWith("smtp:") || thread.startsWith("imap:") || thread.startsWith("pop3:") || thread.equals("mailbox-saver")) {
            return "GreenMail";
        }
        if (thread.startsWith("gatling") || thread.startsWith("GatlingSystem")) {
            return "Gatling";
        }
        if (thread.contains("kafka") || thread.startsWith("broker-") || thread.startsWith("controller-")
                || thread.startsWith("raft") || thread.startsWith("quorum-controller") || thread.startsWith("group-")
                || thread.startsWith("transaction-") || thread.startsWith("ExpirationReaper") || thread.startsWith("executor-")) {
            return "Kafka";
        }
        return "other threads";
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private Map<String, Map<String, Usage>> read() {
        Map<String, Map<String, Usage>> all = new HashMap<>();
        for (String service : services) {
            String url = "http://127.0.0.1:" + SystemStack.get().port(service) + "/actuator/prometheus";
            String body = PortalClient.send(HTTP, HttpRequest.newBuilder(URI.create(url))).body();
            Map<String, Usage> usages = new HashMap<>();
            Matcher sample = SAMPLE.matcher(body);
            while (sample.find()) {
                Map<String, String> labels = new HashMap<>();
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                if (!"SUCCESS".equals(labels.get("status"))) {
                    continue;
                }
                double value = Double.parseDouble(sample.group(3));
                usages.merge(labels.get("collection") + " " + labels.get("command"),
                        "count".equals(sample.group(1)) ? new Usage(value, 0) : new Usage(0, value), Usage::plus);
            }
            all.put(service, usages);
        }
        return all;
    }
}
