package org.licensecentral.support.messaging;

import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.messaging.Message;

/**
 * The guards every Spring Cloud Stream consumer calls first. When Spring Cloud Function cannot
 * convert a record (malformed JSON, wrong shape) it does not fail: it invokes the consumer with the
 * raw bytes. Throwing {@link RejectedMessageException} here instead sends the record to the
 * binding's dead-letter topic at once, and the consumer goes on with the next record.
 */
public final class Payloads {

    private Payloads() {}

    public static <T> T require(Message<?> message, Class<T> type) {
        Object payload = message.getPayload();
        if (!type.isInstance(payload)) {
            throw new RejectedMessageException("payload is not a readable " + type.getSimpleName() + " (got "
                    + payload.getClass().getSimpleName() + ")");
        }
        return type.cast(payload);
    }

    /** The record's CloudEvents type ({@code ce_type}); without one a record cannot be told apart. */
    public static String type(Message<?> message) {
        String type = CloudEventMessageUtils.getType(message);
        if (type == null) {
            throw new RejectedMessageException("record without ce_type");
        }
        return type;
    }
}
