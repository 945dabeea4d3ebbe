package org.licensecentral.support.messaging;

/**
 * A record that no retry can make readable. The platform marks it not retryable, so the binder
 * dead-letters the record at once. Deliberately not a Spring {@code MessagingException}: the Kafka
 * binder builds the dead-letter headers from the cause of the MessagingException it wraps around
 * the consumer's exception, and a MessagingException thrown directly arrives without that cause.
 */
public class UnreadableMessageException extends RuntimeException {

    public UnreadableMessageException(String message) {
        super(message);
    }
}
