package org.licensecentral.support.messaging;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.messaging.Message;

/**
 * Reads a consumed record's payload as the wire record of its {@code ce_type}: a consumer reads
 * {@link Payloads#type} first, then the one record that type has (issue 19).
 *
 * <p>Consumers are declared {@code Consumer<Message<byte[]>>}: the type is known only from the
 * header, so the body stays bytes until this parses it with the service's ObjectMapper, rather than
 * going through Spring Cloud Function's own JSON conversion first (whose JSON library is not
 * necessarily the services'). A body that is no JSON is rejected like one that does not fit the
 * record. The record's components marked {@code @NotNull} are the ones
 * its schema in {@code docs/events/} requires and does not allow to be null; unknown fields are
 * ignored (Spring Boot's ObjectMapper), so a producer may add optional ones.
 */
public class CloudEventReader {

    private final ObjectMapper mapper;
    private final Validator validator;

    public CloudEventReader(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /** The payload as {@code type}; throws {@link RejectedMessageException} if it is no such record. */
    public <T> T read(Message<?> message, Class<T> type) {
        byte[] payload = Payloads.require(message, byte[].class);
        T record;
        try {
            record = mapper.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new RejectedMessageException(
                    "payload is not a readable " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new RejectedMessageException(
                    "payload is not a readable " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        if (record == null) {
            throw new RejectedMessageException("payload is not a readable " + type.getSimpleName() + " (null)");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(record);
        if (!violations.isEmpty()) {
            throw new RejectedMessageException(type.getSimpleName() + ": "
                    + violations.stream()
                            .map(v -> v.getPropertyPath() + " " + v.getMessage())
                            .sorted()
                            .collect(Collectors.joining(", ")));
        }
        return record;
    }
}
