package org.licensecentral.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.licensecentral.testsupport.KraftBroker;
import org.licensecentral.testsupport.PostgresServer;

/**
 * Runs the whole system on one machine without Docker: a real Kafka broker (KRaft), a real
 * PostgreSQL server (Maven Central's binaries, a process of its own) for the event stores, a
 * MongoDB-wire server persisted in an H2 file for the read models, GreenMail with a web mailbox,
 * and every service as its own JVM with its own log. Data lives under {@code .local/}, so a
 * restart keeps it. Ctrl-C stops everything this started.
 *
 * <p>Logging comes from test-support's {@code logback-test.xml}: the same embedded broker, with its
 * chatter turned down the same way.
 */
public final class LocalStack {

    /** Partitions of a topic the broker creates: the services' licensecentral.messaging.partitions. */
    private static final int TOPIC_PARTITIONS = 6;

    private final StackConfig config;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final List<AutoCloseable> infrastructure = new ArrayList<>();
    private KraftBroker broker;
    private PostgresServer postgres;
    /** Each service's database password, new on every start (the stack sets it on the role too). */
    private final Map<String, String> databasePasswords = new LinkedHashMap<>();

    private final StackSecrets secrets;
    private Mailbox mailbox;
    private boolean stopped;

    private LocalStack(StackConfig config) {
        this.config = config;
        this.secrets = new StackSecrets(config.dataDir());
    }

    public static void main(String[] args) throws InterruptedException {
        long startedAt = System.nanoTime();
        LocalStack stack = new LocalStack(StackConfig.fromSystemProperties());
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-stop"));
        String seeded;
        try {
            stack.start();
            seeded = stack.seedDemoData();
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("local-stack: " + (e instanceof StackException ? e.getMessage() : e));
            System.err.println("Stopping what was started.");
            System.exit(1);
            return;
        }
        stack.printSummary(Duration.ofNanos(System.nanoTime() - startedAt), seeded);
        stack.watchServices();
        new CountDownLatch(1).await();
    }

    /**
     * Starts everything and waits until every service is ready, for a caller that runs the stack
     * itself (the system tests); whatever started is stopped again if the start fails.
     */
    public static LocalStack start(StackConfig config) {
        LocalStack stack = new LocalStack(config);
        try {
            stack.start();
        } catch (RuntimeException e) {
            stack.stop();
            throw e;
        }
        return stack;
    }

    public StackConfig config() {
        return config;
    }

    /** The stack's generated secrets (the internal client's, for a test that calls internal endpoints). */
    public StackSecrets secrets() {
        return secrets;
    }

    /** Seeds the demo purchases and account unless an earlier start did; says what it did. */
    public String seedDemoData() {
        return new DemoSeed(config, mailbox).seedOnce();
    }

    private void start() {
        checkDataLayout(config.dataDir());
        checkPortsAreFree();
        say("Kafka (KRaft) on " + config.kafkaBootstrapServers() + ", data in "
                + config.dataDir().resolve("kafka"));
        startKafka();
        infrastructure.add(() -> broker.close());

        say("PostgreSQL 17 on 127.0.0.1:" + config.port("postgres") + ", data in "
                + config.dataDir().resolve("postgres") + ", log "
                + config.root().relativize(postgresLog()));
        startPostgres();
        infrastructure.add(() -> postgres.close());
        StackConfig.DATABASES.forEach((service, database) -> {
            String password = newPassword();
            postgres.ensureDatabase(database, password);
            databasePasswords.put(service, password);
        });

        say("MongoDB-wire server on 127.0.0.1:" + config.port("mongodb") + ", data in "
                + config.dataDir().resolve("mongo"));
        infrastructure.add(startMongo());

        say("Mail: SMTP " + config.port("smtp") + ", IMAP " + config.port("imap") + ", POP3 " + config.port("pop3")
                + ", web " + config.port("mailbox-web"));
        mailbox = Mailbox.start(config);
        infrastructure.add(mailbox);

        Path logs = config.dataDir().resolve("logs");
        for (String name : StackConfig.SERVICES) {
            for (int instance = 0; instance < config.instancesOf(name); instance++) {
                int port = config.port(name, instance);
                String label = ServiceProcess.label(name, instance);
                ServiceProcess service = new ServiceProcess(
                        name,
                        instance,
                        port,
                        instance == 0 ? config.managementPort(name) : port,
                        logs.resolve(label + ".log"));
                say("starting " + label + " on port " + port + ", log "
                        + config.root().relativize(service.log()));
                service.start(config, argumentsOf(name), environmentOf(name));
                services.add(service);
            }
        }
        long deadline = System.nanoTime() + config.startTimeout().toNanos();
        for (ServiceProcess service : services) {
            try {
                service.awaitReady(deadline);
                say(service.label() + " is ready");
            } catch (StackException e) {
                throw new StackException(e.getMessage() + System.lineSeparator() + "--- last lines of " + service.log()
                        + " ---" + System.lineSeparator() + service.tail(40));
            }
        }
    }

    // Faults on purpose, for the reliability runs of the system tests.

    /** Kills a service the hard way: SIGKILL, as {@code kill -9}, with no chance to finish anything. */
    public void kill(String name) {
        kill(name, 0);
    }

    /** Kills one instance of a service (counted from 0) with SIGKILL. */
    public void kill(String name, int instance) {
        service(name, instance).kill();
    }

    /** Stops a service gracefully (SIGTERM), as an operator would for maintenance. */
    public void stopService(String name) {
        service(name, 0).stop();
    }

    /** Starts a stopped or killed service again on its port and waits until it is ready. */
    public void restart(String name) {
        restart(name, List.of());
    }

    /**
     * Restarts a service with arguments of its own besides the configured ones (name other
     * properties: Spring Boot joins a repeated option's values): a system test shortens
     * activation-service's leases this way, and a plain {@link #restart(String)} undoes it.
     */
    public void restart(String name, List<String> extraArguments) {
        restart(service(name, 0), extraArguments);
    }

    /** Starts one stopped or killed instance of a service again on its port and waits until it is ready. */
    public void restart(String name, int instance) {
        restart(service(name, instance), List.of());
    }

    private void restart(ServiceProcess service, List<String> extraArguments) {
        String name = service.name();
        service.stop();
        List<String> arguments = new ArrayList<>(argumentsOf(name));
        arguments.addAll(extraArguments);
        service.start(config, arguments, environmentOf(name));
        service.awaitReady(System.nanoTime() + config.startTimeout().toNanos());
    }

    /** Stops the Kafka broker; its data stays, and {@link #startKafka()} brings it back on the same port. */
    public synchronized void stopKafka() {
        broker.close();
    }

    public synchronized void startKafka() {
        // The services' binder creates their topics with their partitions and raises older ones to
        // them; a topic the broker creates itself (the store page writing first) starts with as many.
        broker = KraftBroker.start(
                config.dataDir().resolve("kafka"),
                config.port("kafka"),
                config.port("kafka-controller"),
                TOPIC_PARTITIONS);
    }

    /**
     * Kills the PostgreSQL server the hard way (SIGKILL to the postmaster, as {@code kill -9}): no
     * shutdown checkpoint, so the next start recovers from the write-ahead log.
     */
    public synchronized void killPostgres() {
        ProcessHandle postmaster = ProcessHandle.of(postgres.postmasterPid()).orElseThrow();
        List<ProcessHandle> backends = postmaster.children().toList();
        postmaster.destroyForcibly();
        postmaster.onExit().join();
        // The backends notice the postmaster's death and exit; a new postmaster refuses to start
        // while one of them still holds the old shared memory.
        backends.forEach(backend -> backend.onExit().join());
        try {
            postgres.close(); // releases the data directory's lock; its pg_ctl stop finds nothing to stop
        } catch (Exception e) {
            throw new StackException("cannot release PostgreSQL's data directory: " + e.getMessage());
        }
    }

    /** Starts PostgreSQL on its port with the data it has. */
    public synchronized void startPostgres() {
        postgres = PostgresServer.embedded(
                config.dataDir().resolve("postgres"), config.port("postgres"), postgresLog(), PostgresServer.DURABLE);
    }

    /** The process ids of PostgreSQL's server processes (the postmaster and its children). */
    public synchronized List<Long> postgresProcessIds() {
        ProcessHandle postmaster = ProcessHandle.of(postgres.postmasterPid()).orElseThrow();
        List<Long> pids = new ArrayList<>();
        pids.add(postmaster.pid());
        postmaster.children().forEach(child -> pids.add(child.pid()));
        return pids;
    }

    private Path postgresLog() {
        return config.dataDir().resolve("logs").resolve("postgres.log");
    }

    /**
     * A service's command-line arguments: the configured ones, and for the gateway the instances of
     * the services it routes to, when there is more than one (its own configuration lists the first).
     */
    private List<String> argumentsOf(String service) {
        List<String> arguments = new ArrayList<>(config.argumentsOf(service));
        if (service.equals("gateway") && config.replicas() > 1) {
            for (String routed : List.of("license-service", "activation-service")) {
                for (int instance = 0; instance < config.instancesOf(routed); instance++) {
                    arguments.add("--spring.cloud.discovery.client.simple.instances." + routed + "[" + instance
                            + "].uri=http://localhost:" + config.port(routed, instance));
                }
            }
        }
        return arguments;
    }

    /** What a service gets in its environment: its client secrets and the password of its database role, if any. */
    private Map<String, String> environmentOf(String service) {
        Map<String, String> environment = new LinkedHashMap<>(secrets.environmentOf(service));
        String password = databasePasswords.get(service);
        if (password != null) {
            environment.put("SPRING_DATASOURCE_PASSWORD", password);
        }
        return environment;
    }

    private static String newPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Refuses a data directory of the layout before the event stores moved to PostgreSQL: its
     * events are in the MongoDB-wire server's file, which nothing reads any more, and starting on
     * it would leave read models that no event store backs.
     */
    static void checkDataLayout(Path dataDir) {
        if (Files.exists(dataDir.resolve("mongo").resolve("mongo.mv")) && !Files.exists(dataDir.resolve("postgres"))) {
            throw new StackException("the data in " + dataDir + " was written by an earlier version of License Central,"
                    + " which kept the event stores in MongoDB; they are in PostgreSQL now and that data cannot be"
                    + " carried over. Delete the directory (rm -rf " + dataDir + ") and start again: the demo data is"
                    + " seeded anew.");
        }
    }

    /** Resident memory in MB of each service's JVM, and of this one (the infrastructure), as the summary prints it. */
    public Map<String, String> residentMegabytes() {
        Map<String, String> memory = new LinkedHashMap<>();
        services.forEach(service -> memory.put(service.label(), Memory.residentMegabytes(service.pid())));
        memory.put(
                "local-stack (infra)",
                Memory.residentMegabytes(ProcessHandle.current().pid()));
        memory.put("postgres", Memory.proportionalMegabytes(postgresProcessIds()));
        return memory;
    }

    /**
     * Each instance's process id, by its label (the service's name, then license-service-2 and so on),
     * for tools that measure the processes (the benchmarks).
     */
    public Map<String, Long> processIds() {
        Map<String, Long> pids = new LinkedHashMap<>();
        services.forEach(service -> pids.put(service.label(), service.pid()));
        return pids;
    }

    /** Every mail the mail server has accepted so far, to every address. */
    public int mailsAccepted() {
        return mailbox.count();
    }

    private ServiceProcess service(String name, int instance) {
        return services.stream()
                .filter(service -> service.name().equals(name) && service.instance() == instance)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no instance " + instance + " of " + name));
    }

    private AutoCloseable startMongo() {
        Path directory = config.dataDir().resolve("mongo");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StackException("cannot create " + directory + ": " + e.getMessage());
        }
        H2Backend backend = new H2Backend(directory.resolve("mongo.mv").toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", config.port("mongodb"));
        // shutdown() closes the backend, which commits and closes the H2 file.
        return server::shutdown;
    }

    /** Says which port is taken, by whom in this stack, before anything starts. */
    private void checkPortsAreFree() {
        List<String> taken = new ArrayList<>();
        for (Map.Entry<String, Integer> port : config.allPorts().entrySet()) {
            try (ServerSocket socket = new ServerSocket(port.getValue())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                taken.add("port " + port.getValue() + " (" + port.getKey() + ") is already in use");
            }
        }
        if (!taken.isEmpty()) {
            throw new StackException(String.join("; ", taken)
                    + ". Stop what uses it, or choose another with -Dlocalstack.port.<name>=<port>.");
        }
    }

    /** Tells the person at the console when a service dies after start-up. */
    private void watchServices() {
        for (ServiceProcess service : services) {
            ProcessHandle.of(service.pid())
                    .ifPresent(handle -> handle.onExit().thenRun(() -> {
                        if (!isStopped()) {
                            System.err.println("local-stack: " + service.label() + " exited; last lines of its log:"
                                    + System.lineSeparator() + service.tail(20));
                        }
                    }));
        }
    }

    private synchronized boolean isStopped() {
        return stopped;
    }

    /** Stops the services, then the infrastructure; the data stays. Safe to call twice. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        // Services first, so none of them sees its broker or database vanish while it still works.
        services.parallelStream().forEach(ServiceProcess::stop);
        for (int i = infrastructure.size() - 1; i >= 0; i--) {
            try {
                infrastructure.get(i).close();
            } catch (Exception e) {
                System.err.println("local-stack: stopping " + infrastructure.get(i) + " failed: " + e);
            }
        }
        System.out.println("local-stack: stopped; data kept in " + config.dataDir());
    }

    private void printSummary(Duration startTime, String seeded) {
        int gateway = config.port("gateway");
        StringBuilder out = new StringBuilder();
        out.append(System.lineSeparator())
                .append("License Central is up in ")
                .append(startTime.toSeconds())
                .append(" s (")
                .append(seeded)
                .append(").")
                .append(System.lineSeparator())
                .append(System.lineSeparator());
        line(out, "Portal and API", "http://localhost:" + gateway + "/");
        line(
                out,
                "Store",
                "http://localhost:" + config.port("web-store") + "/  (buy licenses and renewals; nothing is paid)");
        line(out, "API docs", "http://localhost:" + gateway + "/swagger-ui.html");
        line(
                out,
                "Mailbox",
                "http://localhost:" + config.port("mailbox-web") + "/  (IMAP localhost:"
                        + config.port("imap") + ", POP3 localhost:" + config.port("pop3")
                        + "; user = the e-mail address, any password)");
        line(out, "Demo account", DemoSeed.DEMO_EMAIL + " / " + DemoSeed.DEMO_PASSWORD + "  (Log in on the portal)");
        line(out, "Kafka", config.kafkaBootstrapServers());
        line(
                out,
                "PostgreSQL",
                "jdbc:postgresql://localhost:" + config.port("postgres") + "/  (databases "
                        + String.join(", ", StackConfig.DATABASES.values()) + ", one role each)");
        line(out, "MongoDB", "mongodb://localhost:" + config.port("mongodb"));
        line(out, "SMTP", "localhost:" + config.port("smtp"));
        out.append(System.lineSeparator())
                .append("Health, metrics and memory (resident set) of each process:")
                .append(System.lineSeparator());
        for (ServiceProcess service : services) {
            line(
                    out,
                    service.label(),
                    "http://localhost:" + service.managementPort() + "/actuator/health   /actuator/prometheus   "
                            + Memory.residentMegabytes(service.pid()) + " MB");
        }
        line(
                out,
                "local-stack (infra)",
                Memory.residentMegabytes(ProcessHandle.current().pid()) + " MB");
        line(out, "postgres", Memory.proportionalMegabytes(postgresProcessIds()) + " MB (all its processes)");
        out.append(System.lineSeparator())
                .append("Logs in ")
                .append(config.dataDir().resolve("logs"))
                .append(". Ctrl-C stops everything; data stays in ")
                .append(config.dataDir())
                .append('.');
        System.out.println(out);
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("  %-22s %s%n", label, value));
    }

    private static void say(String message) {
        System.out.println("local-stack: " + message);
    }
}
