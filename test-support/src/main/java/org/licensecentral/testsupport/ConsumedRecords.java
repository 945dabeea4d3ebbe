package org.licensecentral.testsupport;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import org.licensecentral.support.messaging.CloudEventReader;

import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Records as a consumer's function receives them from the binder, for unit tests of consumers:
 * the {@link CloudEventReader} the platform configures and a message of one {@code ce_type}.
 */
public final class ConsumedRecords {

    private static final ObjectMapper MAPPER =
            Jackson2ObjectMapperBuilder.json().build();

    private ConsumedRecords() {}

    /** The reader with Spring's default mapper and Jakarta Validation, as the services get it. */
    public static CloudEventReader reader() {
        return new CloudEventReader(
                MAPPER, Validation.buildDefaultValidatorFactory().getValidator());
    }

    /** A record of {@code type} with {@code body} as the binder hands it over: the UTF-8 bytes. */
    public static Message<byte[]> record(String type, String body) {
        return MessageBuilder.withPayload(body.getBytes(StandardCharsets.UTF_8))
                .setHeader("ce_type", type)
                .setHeader("ce_id", "e-1")
                .build();
    }
}
