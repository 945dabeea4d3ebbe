package org.licensecentral.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The published event types' JSON Schemas in {@code docs/events/}, which the producer owns and
 * both sides test against: a producer validates what it sends, a consumer the examples it reads.
 * Paths are from a module's directory, where Maven runs its tests.
 */
public final class EventSchemas {

    private static final ObjectMapper json = new ObjectMapper();
    private static final Path DIRECTORY = Path.of("..", "docs", "events");

    private EventSchemas() {}

    /** What in {@code payload} the schema of {@code type} (its {@code ce_type}) does not allow; empty when it is valid. */
    public static Set<ValidationMessage> errors(String type, String payload) {
        try {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(Files.readString(DIRECTORY.resolve(type + ".schema.json")))
                    .validate(json.readTree(payload));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schema of " + type + " or the payload", e);
        }
    }
}
