package org.licensecentral.notification.messaging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.licensecentral.notification.api.MailRequested;
import org.licensecentral.notification.delivery.DeliveryService;
import org.licensecentral.notification.mail.MailTemplates;
import org.licensecentral.support.messaging.Payloads;
import org.licensecentral.support.messaging.RejectedMessageException;

import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code notification.requests} in. A request that cannot be read, has no CloudEvents id, names
 * no known template or no plausible address is dead-lettered at once; a send that fails is
 * retried by the binder (see application.yml) and dead-lettered after the last attempt.
 */
@Configuration(proxyBeanMethods = false)
public class NotificationRequestsConsumer {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @Bean
    Consumer<Message<MailRequested>> notificationRequests(DeliveryService deliveries) {
        return message -> {
            MailRequested request = Payloads.require(message, MailRequested.class);
            String id = CloudEventMessageUtils.getId(message);
            if (id == null || id.isBlank()) {
                throw new RejectedMessageException(
                        "mail request without ce_id: cannot tell a redelivery from a new mail");
            }
            if (!MailTemplates.NAMES.contains(request.template())) {
                throw new RejectedMessageException("unknown mail template '" + request.template() + "'");
            }
            if (request.to() == null || !ADDRESS.matcher(request.to()).matches()) {
                throw new RejectedMessageException("mail request " + id + " without a valid address");
            }
            deliveries.deliver(
                    id,
                    request.template(),
                    request.to(),
                    request.data() == null ? Map.of() : request.data(),
                    time(message));
        };
    }

    private static Instant time(Message<?> message) {
        Object time = CloudEventMessageUtils.getTime(message);
        if (time == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(time.toString()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
