package org.licensecentral.systemtests;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a benchmark phase spends its time, read before and after the phase:
 * <ul>
 *   <li>CPU per process: each service's JVM, PostgreSQL (all its processes), and inside the JVM that
 *       runs the rest of the infrastructure and Gatling, per part (its threads by name: the
 *       MongoDB-wire server, Kafka, GreenMail, Gatling; the rest of that process's CPU is its
 *       garbage collector and JIT). In CPU seconds, and per operation of the phase;</li>
 *   <li>the read models' MongoDB commands per service: the MongoDB driver's command timers
 *       ({@code mongodb.driver.commands}, which Spring Boot registers with Micrometer) from each
 *       service's Prometheus endpoint, divided by the number of operations of the phase: how many
 *       commands of each kind (collection and command) one operation costs, and how long each took;</li>
 *   <li>the event stores' side per service: its connection pool's timers ({@code hikaricp.connections.usage}
 *       and {@code .acquire}, the same way): how often one operation borrows a PostgreSQL connection,
 *       how long it holds it (its statements, and whatever the transaction does meanwhile), and how
 *       long it waits for one.</li>
 * </ul>
 */
final class PhaseProfile {

    /** What one operation of a phase is, counted in one service. */
    sealed interface Count {
        String service();

        String describe();
    }

    /** A call of one of the service's read-model commands, as "collection command". */
    record CommandCalls(String service, String command) implements Count {
        @Override
        public String describe() {
            return service + "'s " + command + " calls";
        }
    }

    /** An event of one payload type (the event's class name) that the service appended to its event store. */
    record EventsAppended(String service, String payloadType) implements Count {
        @Override
        public String describe() {
            return payloadType.substring(payloadType.lastIndexOf('.') + 1) + " appended by " + service;
        }
    }

    private static final Pattern COMMAND =
            Pattern.compile("^mongodb_driver_commands_seconds_(count|sum)\\{(.*)} (\\S+)$", Pattern.MULTILINE);
    private static final Pattern CONNECTIONS = Pattern.compile(
            "^hikaricp_connections_(usage|acquire)_seconds_(count|sum)\\{.*} (\\S+)$", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** USER_HZ, the unit of the times in /proc/<pid>/stat: 100 on Linux, whatever the kernel's own tick rate. */
    private static final double CLOCK_TICKS_PER_SECOND = 100;

    /** Calls and seconds of one timer. */
    private record Usage(double calls, double seconds) {
        Usage plus(Usage other) {
            return new Usage(calls + other.calls, seconds + other.seconds);
        }

        Usage minus(Usage before) {
            return before == null ? this : new Usage(calls - before.calls, seconds - before.seconds);
        }

        static Usage of(String countOrSum, String value) {
            double parsed = Double.parseDouble(value);
            return "count".equals(countOrSum) ? new Usage(parsed, 0) : new Usage(0, parsed);
        }
    }

    /** One service's timers: its MongoDB commands by "collection command", its pool's "usage" and "acquire". */
    private record Timers(Map<String, Usage> commands, Map<String, Usage> connections) {
        Timers minus(Timers before) {
            return new Timers(minus(commands, before.commands), minus(connections, before.connections));
        }

        private static Map<String, Usage> minus(Map<String, Usage> after, Map<String, Usage> before) {
            Map<String, Usage> used = new HashMap<>();
            after.forEach((key, usage) -> used.put(key, usage.minus(before.get(key))));
            return used;
        }
    }

    private final List<String> services;
    private Map<String, Timers> before;
    private Map<String, Long> headsBefore;
    private Map<String, Double> cpuBefore;
    private long startedAt;

    /** {@code services}: those with an event store and read models, whose timers are read. */
    PhaseProfile(List<String> services) {
        this.services = services;
    }

    void start() {
        // What asks the services and the database comes first, so that the phase's CPU does not include it.
        headsBefore = new HashMap<>();
        services.forEach(service -> headsBefore.put(service, EventStores.head(service)));
        before = read();
        cpuBefore = cpuSeconds();
        startedAt = System.nanoTime();
    }

    /**
     * The phase's figures: CPU seconds per process, and CPU milliseconds per operation, the operations
     * being what the first of {@code countedBy} counts (the service that accepts them). Then for each
     * service in {@code countedBy}, per operation as that service counts them: its five most expensive
     * MongoDB commands (calls per operation and mean milliseconds per call), and its PostgreSQL
     * connections. In the 8-caller phase license-service may still be working off a backlog: its own
     * count is what it did in the phase.
     */
    void finish(String phase, String operation, List<Count> countedBy) {
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        Map<String, Double> cpuAfter = cpuSeconds();
        Map<String, Timers> after = read();
        Map<String, Timers> used = new HashMap<>();
        services.forEach(service -> used.put(service, after.get(service).minus(before.get(service))));
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpuAfter.forEach((process, total) -> cpu.put(process, total - cpuBefore.getOrDefault(process, 0.0)));

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put(
                "CPU seconds in " + phase + " (" + Math.round(seconds) + " s on 2 cores)",
                cpu.entrySet().stream()
                        .map(entry -> String.format("%s %.1f", entry.getKey(), entry.getValue()))
                        .collect(Collectors.joining(", ")));
        Map<Count, Double> counts = new HashMap<>();
        countedBy.forEach(count -> counts.put(count, counted(count, used)));
        Count accepted = countedBy.get(0);
        double operations = Math.max(counts.get(accepted), 1);
        double all = cpu.values().stream().mapToDouble(Double::doubleValue).sum();
        figures.put(
                "CPU ms per " + operation + " in " + phase + " (" + Math.round(counts.get(accepted)) + " counted as "
                        + accepted.describe() + ")",
                cpu.entrySet().stream()
                                .map(entry ->
                                        String.format("%s %.1f", entry.getKey(), 1000 * entry.getValue() / operations))
                                .collect(Collectors.joining(", "))
                        + String.format(", all processes %.1f", 1000 * all / operations));
        for (Count count : countedBy) {
            String service = count.service();
            double own = counts.get(count);
            double per = Math.max(own, 1);
            String of = " (" + phase + ", " + Math.round(own) + " counted as " + count.describe() + ")";
            String top = used.get(service).commands().entrySet().stream()
                    .filter(entry -> entry.getValue().calls() > 0)
                    .sorted(Comparator.comparingDouble((Map.Entry<String, Usage> entry) ->
                                    entry.getValue().seconds())
                            .reversed())
                    .limit(5)
                    .map(entry -> String.format(
                            "%s %.1f× %.1f ms",
                            entry.getKey(),
                            entry.getValue().calls() / per,
                            1000 * entry.getValue().seconds() / entry.getValue().calls()))
                    .collect(Collectors.joining("; "));
            figures.put("MongoDB commands (read models) per " + operation + " in " + service + of, top);
            Usage held = used.get(service).connections().getOrDefault("usage", new Usage(0, 0));
            Usage waited = used.get(service).connections().getOrDefault("acquire", new Usage(0, 0));
            figures.put(
                    "PostgreSQL connections per " + operation + " in " + service + of,
                    String.format(
                            "%.1f borrowed, held %.1f ms each, %.2f ms waited for each",
                            held.calls() / per,
                            1000 * held.seconds() / Math.max(held.calls(), 1),
                            1000 * waited.seconds() / Math.max(waited.calls(), 1)));
        }
        Figures.benchmark(figures);
    }

    private double counted(Count count, Map<String, Timers> used) {
        if (count instanceof CommandCalls calls) {
            return used.get(calls.service())
                    .commands()
                    .getOrDefault(calls.command(), new Usage(0, 0))
                    .calls();
        }
        EventsAppended events = (EventsAppended) count;
        return EventStores.appendedAfter(events.service(), headsBefore.get(events.service()), events.payloadType());
    }

    /**
     * CPU seconds so far: per service process, PostgreSQL, and the parts of this JVM (which runs the
     * rest of the infrastructure).
     */
    private static Map<String, Double> cpuSeconds() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        SystemStack.control()
                .processIds()
                .forEach((service, pid) -> cpu.put(
                        service,
                        ProcessHandle.of(pid)
                                .flatMap(process -> process.info().totalCpuDuration())
                                .map(PhaseProfile::seconds)
                                .orElse(0.0)));
        cpu.put("postgres", postgresSeconds());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Double> parts = new LinkedHashMap<>();
        List.of("MongoDB-wire server", "Kafka", "GreenMail", "Gatling", "other threads")
                .forEach(part -> parts.put(part, 0.0));
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            long nanos = thread == null ? -1 : threads.getThreadCpuTime(thread.getThreadId());
            if (nanos > 0) {
                parts.merge(part(thread.getThreadName()), nanos / 1e9, Double::sum);
            }
        }
        double infrastructure = ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(PhaseProfile::seconds)
                .orElse(0.0);
        cpu.putAll(parts);
        // Threads that ended since the last reading are counted here too, with the GC and the JIT.
        cpu.put(
                "infrastructure JVM's GC, JIT and ended threads",
                infrastructure
                        - parts.values().stream()
                                .mapToDouble(Double::doubleValue)
                                .sum());
        return cpu;
    }

    /**
     * PostgreSQL's CPU seconds so far, over all its processes: each one's own user and system time
     * plus that of the children it has reaped (utime, stime, cutime and cstime of /proc/<pid>/stat).
     * Only the postmaster has children: every backend, autovacuum worker and helper process is one.
     * The sum only grows, so the difference between two readings is what all of them used in
     * between: a process that ends in the phase has its whole time moved to the postmaster's reaped
     * time, and the reading at the start had its time until the start. Counting only the processes
     * alive at both ends would miss those that do not live through the phase: autovacuum workers,
     * a connection a service's pool replaces, the benchmark's own.
     */
    private static double postgresSeconds() {
        long ticks = 0;
        for (long pid : SystemStack.control().postgresProcessIds()) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                // After the command name in parentheses (which may hold spaces) come the fields from the state on.
                String[] fields =
                        stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
                for (int field = 11; field <= 14; field++) { // utime, stime, cutime, cstime: fields 14 to 17
                    ticks += Long.parseLong(fields[field]);
                }
            } catch (IOException e) {
                // It ended since the list was read: its time moves to the postmaster's, which the next reading has.
            }
        }
        return ticks / CLOCK_TICKS_PER_SECOND;
    }

    private static String part(String thread) {
        if (thread.startsWith("mongo-server")) {
            return "MongoDB-wire server";
        }
        if (thread.startsWith("smtp:")
                || thread.startsWith("imap:")
                || thread.startsWith("pop3:")
                || thread.equals("mailbox-saver")) {
            return "GreenMail";
        }
        if (thread.startsWith("gatling") || thread.startsWith("GatlingSystem")) {
            return "Gatling";
        }
        if (thread.contains("kafka")
                || thread.startsWith("broker-")
                || thread.startsWith("controller-")
                || thread.startsWith("raft")
                || thread.startsWith("quorum-controller")
                || thread.startsWith("group-")
                || thread.startsWith("transaction-")
                || thread.startsWith("ExpirationReaper")
                || thread.startsWith("executor-")) {
            return "Kafka";
        }
        return "other threads";
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private Map<String, Timers> read() {
        Map<String, Timers> all = new HashMap<>();
        for (String service : services) {
            String url = "http://127.0.0.1:" + SystemStack.get().port(service) + "/actuator/prometheus";
            String body = PortalClient.send(HTTP, HttpRequest.newBuilder(URI.create(url)))
                    .body();
            Map<String, Usage> commands = new HashMap<>();
            Matcher sample = COMMAND.matcher(body);
            while (sample.find()) {
                Map<String, String> labels = new HashMap<>();
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                if ("SUCCESS".equals(labels.get("status"))) {
                    commands.merge(
                            labels.get("collection") + " " + labels.get("command"),
                            Usage.of(sample.group(1), sample.group(3)),
                            Usage::plus);
                }
            }
            Map<String, Usage> connections = new HashMap<>();
            Matcher pool = CONNECTIONS.matcher(body);
            while (pool.find()) {
                connections.merge(pool.group(1), Usage.of(pool.group(2), pool.group(3)), Usage::plus);
            }
            all.put(service, new Timers(commands, connections));
        }
        return all;
    }
}
