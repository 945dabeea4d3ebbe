package org.licensecentral.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the local stack keeps its data and which ports it uses. Every value is a system property
 * ({@code -Dlocalstack.port.gateway=18080}, {@code -Dlocalstack.data-dir=...}); the defaults are
 * the ports of the design. {@code -Dlocalstack.args.<service>} adds command-line arguments to one
 * service. {@code -Dlocalstack.replicas=2} runs two JVMs of each {@link #REPLICATED} service (issue
 * 18), the second 100 ports above the first.
 */
public record StackConfig(
        Path root, Path dataDir, Map<String, Integer> ports, String jvmOptions, Duration startTimeout, int replicas) {

    /** Up to this many: the topics' partitions and the processors' segments, beyond which one more would idle. */
    static final int MAX_REPLICAS = 6;

    /**
     * The services that run as {@link #replicas} JVMs. The gateway and identity-service stay at one:
     * the login sessions, rate limits and authorizations they keep are in their JVM
     * (docs/kubernetes.md, "Scaling"), and a second one would split them.
     */
    static final List<String> REPLICATED = List.of("license-service", "activation-service", "notification-service");

    public StackConfig {
        if (replicas < 1 || replicas > MAX_REPLICAS) {
            throw new StackException("localstack.replicas is " + replicas + "; it must be between 1 and " + MAX_REPLICAS
                    + " (the partitions of a topic)");
        }
    }

    /** The configuration with one JVM of each service. */
    public StackConfig(Path root, Path dataDir, Map<String, Integer> ports, String jvmOptions, Duration startTimeout) {
        this(root, dataDir, ports, jvmOptions, startTimeout, 1);
    }

    /** The services, in start order; each is a module with a Spring Boot jar under target/. */
    static final List<String> SERVICES = List.of(
            "identity-service",
            "license-service",
            "activation-service",
            "notification-service",
            "gateway",
            "web-store");

    public static StackConfig fromSystemProperties() {
        Path root = Path.of(System.getProperty("localstack.root", "."))
                .toAbsolutePath()
                .normalize();
        Path dataDir = Path.of(System.getProperty(
                        "localstack.data-dir", root.resolve(".local").toString()))
                .toAbsolutePath();
        Map<String, Integer> defaults = new LinkedHashMap<>();
        defaults.put("gateway", 8080);
        defaults.put("license-service", 8081);
        defaults.put("activation-service", 8082);
        defaults.put("notification-service", 8083);
        defaults.put("identity-service", 9000);
        defaults.put("web-store", 8090);
        // Actuator of the two services other machines may reach, apart from their public port, on loopback.
        defaults.put("gateway-management", 8558);
        defaults.put("identity-service-management", 8559);
        defaults.put("kafka", 9092);
        defaults.put("kafka-controller", 9093);
        defaults.put("mongodb", 27017);
        defaults.put("postgres", 5432);
        defaults.put("smtp", 3025);
        defaults.put("imap", 3143);
        defaults.put("pop3", 3110);
        defaults.put("mailbox-web", 8025);
        Map<String, Integer> ports = new LinkedHashMap<>();
        defaults.forEach((name, port) -> ports.put(name, Integer.getInteger("localstack.port." + name, port)));
        return new StackConfig(
                root,
                dataDir,
                Map.copyOf(ports),
                // Small heaps and the C1 compiler: six JVMs share two cores, and start-up matters more than peak speed
                // here.
                System.getProperty(
                        "localstack.jvm-options", "-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"),
                Duration.ofSeconds(Long.getLong("localstack.start-timeout-seconds", 180)),
                Integer.getInteger("localstack.replicas", 1));
    }

    /** How many JVMs of the service run: {@link #replicas} of a replicated one, else one. */
    public int instancesOf(String service) {
        return REPLICATED.contains(service) ? replicas : 1;
    }

    /** The port of a service's instance, counted from 0: the service's port, then 100 above for each next one. */
    public int port(String service, int instance) {
        return port(service) + 100 * instance;
    }

    /**
     * Extra command-line arguments for one service, from {@code -Dlocalstack.args.<service>="--a=b --c=d"}:
     * the benchmarks raise the gateway's rate limits this way.
     */
    List<String> argumentsOf(String service) {
        List<String> all = new ArrayList<>(linksOf(service));
        String arguments = System.getProperty("localstack.args." + service, "").trim();
        if (!arguments.isEmpty()) {
            all.addAll(List.of(arguments.split("\\s+")));
        }
        return all;
    }

    /**
     * Where a service finds the store page and the store finds the others, on this stack's ports:
     * the portal's Buy button and the mails' renew links lead to the store page, and the store reads
     * the catalog from license-service and links back to the portal.
     */
    private List<String> linksOf(String service) {
        String store = "http://localhost:" + port("web-store") + "/";
        return switch (service) {
            case "license-service" -> List.of("--licensecentral.store-url=" + store);
            case "notification-service" -> List.of("--licensecentral.mail.store-url=" + store);
            case "web-store" ->
                List.of(
                        "--licensecentral.store.catalog-url=http://127.0.0.1:" + port("license-service")
                                + "/api/v1/catalog",
                        "--licensecentral.store.portal-url=http://localhost:" + port("gateway") + "/",
                        "--licensecentral.store.kafka.bootstrap-servers=" + kafkaBootstrapServers());
            default -> List.of();
        };
    }

    public int port(String name) {
        return ports.get(name);
    }

    /** Every port the stack listens on: the design's, and those of the further instances. */
    Map<String, Integer> allPorts() {
        Map<String, Integer> all = new LinkedHashMap<>(ports);
        for (String service : REPLICATED) {
            for (int instance = 1; instance < instancesOf(service); instance++) {
                all.put(ServiceProcess.label(service, instance), port(service, instance));
            }
        }
        return all;
    }

    /** Where a service's actuator answers: a port of its own for the gateway and identity-service, else its port. */
    public int managementPort(String service) {
        return ports.getOrDefault(service + "-management", port(service));
    }

    /** The databases of the services that keep events (Axon's event and token stores), by service. */
    public static final Map<String, String> DATABASES =
            Map.of("license-service", "license_service", "activation-service", "activation_service");

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + port("kafka");
    }
}
