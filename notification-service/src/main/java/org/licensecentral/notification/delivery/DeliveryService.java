package org.licensecentral.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.licensecentral.notification.mail.MailTemplates;
import org.licensecentral.notification.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;

/**
 * Delivers each requested mail once. The delivery log, keyed by the request's CloudEvents id,
 * says whether it already went out, so a redelivered or replayed request sends nothing. A failed
 * send is recorded and rethrown: the binder retries it with back-off and dead-letters it after
 * the last attempt.
 */
@Service
public class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    private final MongoTemplate mongo;
    private final MailTemplates templates;
    private final Mailer mailer;
    private final MeterRegistry meters;
    private final Clock clock;

    public DeliveryService(
            MongoTemplate mongo, MailTemplates templates, Mailer mailer, MeterRegistry meters, Clock clock) {
        this.mongo = mongo;
        this.templates = templates;
        this.mailer = mailer;
        this.meters = meters;
        this.clock = clock;
    }

    public void deliver(String requestId, String template, String to, Map<String, Object> data, Instant requestedAt) {
        Delivery earlier = mongo.findById(requestId, Delivery.class);
        if (earlier != null && earlier.status() == Delivery.Status.SENT) {
            log.info("mail request {} was delivered before; not sending it again", requestId);
            return;
        }
        try {
            mailer.send(to, templates.render(template, data));
        } catch (MailException e) {
            record(requestId, template, to, requestedAt, Delivery.Status.FAILED, e.getMessage());
            Counter.builder("mail.failed")
                    .tag("template", template)
                    .register(meters)
                    .increment();
            log.warn("sending {} mail {} to {} failed: {}", template, requestId, to, e.getMessage());
            throw e;
        }
        record(requestId, template, to, requestedAt, Delivery.Status.SENT, null);
        Counter.builder("mail.sent").tag("template", template).register(meters).increment();
        if (requestedAt != null) {
            Timer.builder("mail.delivery.latency")
                    .description("From the event that asked for the mail to the SMTP server's accept")
                    .tag("template", template)
                    .register(meters)
                    .record(Duration.between(requestedAt, clock.instant()));
        }
        log.info("sent {} mail {} to {}", template, requestId, to);
    }

    /** What was sent or failed for an address, newest first. */
    public List<Delivery> deliveriesTo(String address) {
        return mongo.find(
                Query.query(Criteria.where("to").is(address.toLowerCase(Locale.ROOT)))
                        .with(Sort.by(Sort.Direction.DESC, "updatedAt")),
                Delivery.class);
    }

    private void record(
            String requestId, String template, String to, Instant requestedAt, Delivery.Status status, String error) {
        Update update = new Update()
                .set("template", template)
                .set("to", to.toLowerCase(Locale.ROOT))
                .set("status", status)
                .set("lastError", error)
                .set("requestedAt", requestedAt)
                .set("updatedAt", clock.instant())
                .inc("attempts", 1);
        mongo.findAndModify(
                Query.query(Criteria.where("_id").is(requestId)),
                update,
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                Delivery.class);
    }
}
