package org.licensecentral.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.Yaml;

/**
 * What the manifests must agree with, read from the services' own application.yml (the first
 * document: the defaults every profile starts from), so that a topic, port or database added to a
 * service fails these tests until the manifests have it too.
 */
final class Services {

    /** The services the manifests deploy: the Spring Boot modules with a server port. */
    static final List<String> MODULES =
            List.of("gateway", "identity-service", "license-service", "activation-service", "notification-service");

    private Services() {}

    static Map<String, Object> defaults(String module) {
        Path file = Manifests.REPOSITORY.resolve(module).resolve("src/main/resources/application.yml");
        try (Reader reader = Files.newBufferedReader(file)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> first =
                    (Map<String, Object>) new Yaml().loadAll(reader).iterator().next();
            return first;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value by its dotted path of keys, as application.yml nests them. */
    @SuppressWarnings("unchecked")
    static <T> Optional<T> value(String module, String... path) {
        Object node = defaults(module);
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            node = map.get(key);
        }
        return Optional.ofNullable((T) node);
    }

    static int port(String module) {
        return Services.<Integer>value(module, "server", "port").orElseThrow();
    }

    /** spring.cloud.stream.bindings of a module, by binding name. */
    static Map<String, Map<String, Object>> bindings(String module) {
        return Services.<Map<String, Map<String, Object>>>value(module, "spring", "cloud", "stream", "bindings")
                .orElse(Map.of());
    }

    /**
     * Every topic a module reads or writes: each binding's destination, and for a consumer with
     * enable-dlq its dead-letter topic, named by the binder's convention error.<destination>.<group>.
     */
    static Map<String, String> topics(String module) {
        Map<String, String> topics = new LinkedHashMap<>();
        Map<String, Map<String, Object>> kafkaBindings = Services.<Map<String, Map<String, Object>>>value(
                        module, "spring", "cloud", "stream", "kafka", "bindings")
                .orElse(Map.of());
        bindings(module).forEach((binding, settings) -> {
            String destination = (String) settings.get("destination");
            topics.put(destination, module + " " + binding);
            Object dlq = Optional.ofNullable(kafkaBindings.get(binding))
                    .map(kafka -> kafka.get("consumer"))
                    .<Object>map(consumer -> ((Map<?, ?>) consumer).get("enable-dlq"))
                    .orElse(false);
            if (Boolean.TRUE.equals(dlq)) {
                topics.put(
                        "error." + destination + "." + settings.get("group"), module + " " + binding + " dead letters");
            }
        });
        return topics;
    }

    static boolean usesKafka(String module) {
        return !bindings(module).isEmpty();
    }

    static Optional<String> mongoDatabase(String module) {
        return Services.<String>value(module, "spring", "data", "mongodb", "uri")
                .map(uri -> uri.substring(uri.lastIndexOf('/') + 1));
    }

    static Optional<String> postgresDatabase(String module) {
        return Services.<String>value(module, "spring", "datasource", "url")
                .map(url -> url.substring(url.lastIndexOf('/') + 1));
    }

    static Optional<String> postgresRole(String module) {
        return value(module, "spring", "datasource", "username");
    }
}
