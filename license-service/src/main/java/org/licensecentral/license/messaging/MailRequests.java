package org.licensecentral.license.messaging;

import java.time.Instant;
import java.util.Map;

import org.licensecentral.license.application.MailSender;
import org.licensecentral.support.axon.OutboxPublisher;

import org.springframework.stereotype.Component;

/**
 * Asks notification-service for a mail on {@code notification.requests}. The {@code id} becomes
 * {@code ce_id}, which notification-service deduplicates on: the same id never mails twice.
 */
@Component
class MailRequests implements MailSender {

    static final String BINDING = "notificationRequests-out-0";
    static final String TYPE = "org.licensecentral.notification.mail-requested.v1";

    /** The message body; {@code data} fills the template's placeholders. */
    public record MailRequested(String template, String to, Map<String, Object> data) {}

    private final OutboxPublisher publisher;

    MailRequests(OutboxPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void send(String id, String template, String to, Map<String, Object> data) {
        publisher.publish(BINDING, id, TYPE, id, Instant.now(), new MailRequested(template, to, data));
    }
}
