package org.licensecentral.support.messaging;

/**
 * A record that no retry can make acceptable: unreadable, or valid JSON that breaks a rule (an
 * unknown product). The platform marks it not retryable, so the binder dead-letters the record at
 * once with this message as the reason, and the consumer goes on with the next record.
 *
 * <p>Deliberately not a Spring {@code MessagingException}: the Kafka binder builds the dead-letter
 * headers from the cause of the MessagingException it wraps around the consumer's exception, and a
 * MessagingException thrown directly arrives without that cause.
 */
public class RejectedMessageException extends RuntimeException {

    public RejectedMessageException(String message) {
        super(message);
    }

    public RejectedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
