package org.licensecentral.license.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The body of a record as the service sends it: Spring Boot's ObjectMapper (modules found on the
 * class path, dates as ISO strings, the platform's {@code allow-coercion-of-scalars: false}), which
 * Spring Cloud Function copies for its JSON message converter; and the names a schema allows.
 */
final class WireJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private WireJson() {}

    static String write(Object record) {
        try {
            return MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The top-level field names of a JSON object. */
    static Set<String> fields(String json) {
        try {
            Set<String> names = new TreeSet<>();
            MAPPER.readTree(json).fieldNames().forEachRemaining(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The properties the schema of {@code type} in {@code docs/events/} describes. */
    static Set<String> schemaProperties(String type) {
        try {
            Set<String> names = new TreeSet<>();
            MAPPER.readTree(Files.readString(Path.of("..", "docs", "events", type + ".schema.json")))
                    .get("properties")
                    .fieldNames()
                    .forEachRemaining(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
