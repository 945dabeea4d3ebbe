package org.licensecentral.license.messaging;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.springframework.cloud.function.cloudevent.CloudEventMessageBuilder;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Asks notification-service for a mail on {@code notification.requests}. The {@code id} becomes
 * {@code ce_id}, which notification-service deduplicates on: the same id never mails twice.
 */
@Component
public class MailRequests {

    static final String BINDING = "notificationRequests-out-0";
    static final String TYPE = "org.licensecentral.notification.mail-requested.v1";

    /** The message body; {@code data} fills the template's placeholders. */
    public record MailRequested(String template, String to, Map<String, Object> data) {
    }

    private final StreamBridge streamBridge;

    MailRequests(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    public void send(String id, String template, String to, Map<String, Object> data) {
        boolean sent = streamBridge.send(BINDING, CloudEventMessageBuilder.withData(new MailRequested(template, to, data))
                .setId(id)
                .setSource(LicenseEventsPublisher.SOURCE)
                .setType(TYPE)
                .setSubject(template)
                .setTime(OffsetDateTime.now(ZoneOffset.UTC).toString())
                .setHeader(KafkaHeaders.KEY, id)
                .build(CloudEventMessageUtils.KAFKA_ATTR_PREFIX));
        if (!sent) {
            throw new IllegalStateException("notification.requests did not accept the " + template + " mail " + id);
        }
    }
}
