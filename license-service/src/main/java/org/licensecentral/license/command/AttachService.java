package org.licensecentral.license.command;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.licensecentral.license.api.ConfirmAttachCommand;
import org.licensecentral.license.api.RequestAttachCodeCommand;
import org.licensecentral.license.messaging.MailRequests;
import org.licensecentral.license.query.LicenseQueries;
import org.licensecentral.license.query.LicenseView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Starts and confirms attach requests. Starting answers the same way, with the same work (a code
 * hashed, a request recorded), whether or not the purchase id or key matched anything, so neither
 * can be probed; only a match mails the code, and that mail is sent off the request's thread.
 */
@Service
public class AttachService {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(30);
    static final int REQUESTS_PER_HOUR = 5;

    public record Started(String requestId, String sentTo, Instant expiresAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(AttachService.class);

    private final CommandGateway commandGateway;
    private final LicenseQueries queries;
    private final MongoTemplate mongo;
    private final AttachCodes codes;
    private final PasswordEncoder codeEncoder;
    private final MailRequests mail;
    private final TaskExecutor mailExecutor;
    private final Clock clock;
    // Keys the masks shown for requests that matched nothing; a new one each start is enough.
    private final byte[] maskKey = new byte[32];

    public AttachService(CommandGateway commandGateway, LicenseQueries queries, MongoTemplate mongo, AttachCodes codes,
                         PasswordEncoder codeEncoder, MailRequests mail,
                         @Qualifier("applicationTaskExecutor") TaskExecutor mailExecutor, Clock clock) {
        this.commandGateway = commandGateway;
        this.queries = queries;
        this.mongo = mongo;
        this.codes = codes;
        this.codeEncoder = codeEncoder;
        this.mail = mail;
        this.mailExecutor = mailExecutor;
        this.clock = clock;
        new SecureRandom().nextBytes(maskKey);
    }

    /** Exactly one of {@code purchaseId} and {@code licenseKey} is given. */
    public Started start(String accountId, String verifiedEmail, String purchaseId, String licenseKey) {
        Instant now = clock.instant();
        checkRate(accountId, now);
        String key = licenseKey == null ? null : licenseKey.trim().toUpperCase(Locale.ROOT);
        List<LicenseView> licenses = queries.attachable(purchaseId, key).stream()
                .filter(license -> !LicenseQueries.isOwnedBy(license, accountId, verifiedEmail))
                .toList();
        String requestId = UUID.randomUUID().toString();
        String code = codes.next();
        Instant expiresAt = now.plus(CODE_LIFETIME);
        String purchaseEmail = licenses.isEmpty() ? null : licenses.get(0).purchaseEmail();
        commandGateway.sendAndWait(new RequestAttachCodeCommand(requestId, accountId,
                licenses.stream().map(LicenseView::licenseId).toList(), purchaseEmail, codeEncoder.encode(code), expiresAt));
        mongo.insert(new AttachRequestLogEntry(requestId, accountId, now));
        if (purchaseEmail == null) {
            return new Started(requestId, EmailMask.plausible(maskKey, purchaseId != null ? purchaseId : key), expiresAt);
        }
        Map<String, Object> data = Map.of("code", code, "expiresAt", expiresAt.toString(), "licenses", licenses.stream()
                .map(l -> Map.of("product", l.productName(), "edition", l.edition(), "licenseKey", l.licenseKey()))
                .toList());
        mailExecutor.execute(() -> {
            try {
                mail.send(requestId, "attach-code", purchaseEmail, data);
            } catch (RuntimeException e) {
                // The requester can start again; the code itself is never logged.
                log.warn("could not request the attach-code mail of request {}", requestId, e);
            }
        });
        return new Started(requestId, EmailMask.mask(purchaseEmail), expiresAt);
    }

    /** Confirms with the mailed code; a wrong one counts towards the lock and is an answer, not an exception. */
    public AttachRequest.Outcome confirm(String requestId, String accountId, String verifiedEmail, String code) {
        try {
            return commandGateway.sendAndWait(new ConfirmAttachCommand(requestId, accountId, verifiedEmail,
                    code.trim().toUpperCase(Locale.ROOT)));
        } catch (AggregateNotFoundException e) {
            throw new AttachRequestException(AttachRequestException.Reason.NOT_FOUND);
        }
    }

    private void checkRate(String accountId, Instant now) {
        Query lastHour = new Query(Criteria.where("accountId").is(accountId).and("at").gt(now.minus(Duration.ofHours(1))))
                .with(Sort.by("at"));
        List<AttachRequestLogEntry> recent = mongo.find(lastHour, AttachRequestLogEntry.class);
        if (recent.size() >= REQUESTS_PER_HOUR) {
            Duration retryAfter = Duration.between(now, recent.get(0).at().plus(Duration.ofHours(1)));
            throw new AttachRequestException(AttachRequestException.Reason.TOO_MANY_REQUESTS, retryAfter);
        }
    }
}
