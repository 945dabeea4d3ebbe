package org.licensecentral.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One instance of a service as its own JVM, its output in its own log file. */
final class ServiceProcess {

    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int instance;
    private final int port;
    private final int managementPort;
    private final Path log;
    private Process process;

    ServiceProcess(String name, int instance, int port, int managementPort, Path log) {
        this.name = name;
        this.instance = instance;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    String name() {
        return name;
    }

    int instance() {
        return instance;
    }

    /** How the console and the log file name this instance: the service, then -2, -3 for the further ones. */
    String label() {
        return label(name, instance);
    }

    static String label(String service, int instance) {
        return instance == 0 ? service : service + "-" + (instance + 1);
    }

    int port() {
        return port;
    }

    int managementPort() {
        return managementPort;
    }

    Path log() {
        return log;
    }

    void start(StackConfig config, List<String> arguments, Map<String, String> environment) {
        Path jar = config.root().resolve(name).resolve("target").resolve(name + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new StackException(name + ": " + jar + " is missing; build first (./mvnw -DskipTests package)");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(config.jvmOptions().trim().split("\\s+")));
        command.addAll(List.of("-jar", jar.toString(), "--spring.profiles.active=local", "--server.port=" + port));
        if (managementPort != port) {
            command.add("--management.server.port=" + managementPort);
        }
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command);
            // Secrets in the environment, not on the command line that ps shows.
            builder.environment().putAll(environment);
            process = builder.directory(config.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Polls the readiness probe until it answers UP; fails when the process exits or time runs out. */
    void awaitReady(long deadlineNanos) {
        URI readiness = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness");
        while (System.nanoTime() < deadlineNanos) {
            if (!process.isAlive()) {
                throw new StackException(label() + " exited with code " + process.exitValue() + " while starting");
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(readiness)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // The port opens late in a Spring Boot start; keep polling.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while waiting for " + label());
            }
            sleep(500);
        }
        throw new StackException(label() + " did not report ready on " + readiness + " in time");
    }

    /** SIGTERM first, so Spring Boot shuts down gracefully; a process that hangs is killed. */
    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL: what {@code kill -9} does. */
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    long pid() {
        return process.pid();
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
