package org.licensecentral.license.application;

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
import org.licensecentral.license.command.AttachCodes;
import org.licensecentral.license.command.AttachLimits;
import org.licensecentral.license.command.AttachRequest;
import org.licensecentral.license.command.AttachRequestException;
import org.licensecentral.license.command.LicenseKeys;
import org.licensecentral.license.query.LicenseQueries;
import org.licensecentral.license.query.LicenseView;
import org.licensecentral.support.limits.WindowCaps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Starts and confirms attach requests. Starting answers the same way, with the same work on the
 * request's thread (the account's cap counted, a code hashed, a request recorded), whether or not
 * the purchase id or key matched anything, so neither can be probed: the answer names no address
 * (issue 15, finding 4). Only a match mails the code, to the purchase e-mail, off the request's
 * thread, and only within that e-mail's own cap.
 */
@Service
public class AttachService {

    /** The unit of both caps, which their properties name ({@code ...-per-hour}): counted in fixed hours. */
    private static final Duration CAP_WINDOW = Duration.ofHours(1);

    public record Started(String requestId, Instant expiresAt) {}

    private static final Logger log = LoggerFactory.getLogger(AttachService.class);

    private final CommandGateway commandGateway;
    private final LicenseQueries queries;
    private final AttachCodes codes;
    private final PasswordEncoder codeEncoder;
    private final MailSender mail;
    private final Duration codeLifetime;
    private final TaskExecutor mailExecutor;
    private final Clock clock;
    private final WindowCaps requestsPerAccount;
    private final WindowCaps codeMailsPerRecipient;

    public AttachService(
            CommandGateway commandGateway,
            LicenseQueries queries,
            MongoTemplate mongo,
            AttachCodes codes,
            PasswordEncoder codeEncoder,
            MailSender mail,
            @Qualifier("applicationTaskExecutor") TaskExecutor mailExecutor,
            Clock clock,
            AttachLimits limits) {
        this.commandGateway = commandGateway;
        this.queries = queries;
        this.codes = codes;
        this.codeEncoder = codeEncoder;
        this.mail = mail;
        this.mailExecutor = mailExecutor;
        this.clock = clock;
        this.codeLifetime = limits.codeLifetime();
        // Counted atomically in MongoDB: parallel starts cannot all pass a check none of them has counted yet.
        this.requestsPerAccount =
                new WindowCaps(mongo, "attach_request_caps", limits.requestsPerAccountPerHour(), CAP_WINDOW, clock);
        this.codeMailsPerRecipient = new WindowCaps(
                mongo, "attach_code_mail_caps", limits.codeMailsPerRecipientPerHour(), CAP_WINDOW, clock);
    }

    /** Exactly one of {@code purchaseId} and {@code licenseKey} is given. */
    public Started start(String accountId, String verifiedEmail, String purchaseId, String licenseKey) {
        requestsPerAccount.tryAcquire(accountId).ifPresent(retryAfter -> {
            throw new AttachRequestException(AttachRequestException.Reason.TOO_MANY_REQUESTS, retryAfter);
        });
        Instant now = clock.instant();
        String key = licenseKey == null ? null : LicenseKeys.normalise(licenseKey);
        List<LicenseView> candidates = queries.attachable(purchaseId, key).stream()
                .filter(license -> !LicenseQueries.isOwnedBy(license, accountId, verifiedEmail))
                .toList();
        String purchaseEmail = candidates.isEmpty() ? null : candidates.get(0).purchaseEmail();
        // The code goes to one purchase e-mail, so it attaches only what was bought with that one,
        // whatever else a purchase id names (a purchase id merged before issue 15, finding 2).
        List<LicenseView> licenses = candidates.stream()
                .filter(license -> license.purchaseEmail().equals(purchaseEmail))
                .toList();
        String requestId = UUID.randomUUID().toString();
        String code = codes.next();
        Instant expiresAt = now.plus(codeLifetime);
        commandGateway.sendAndWait(new RequestAttachCodeCommand(
                requestId,
                accountId,
                licenses.stream().map(LicenseView::licenseId).toList(),
                purchaseEmail,
                codeEncoder.encode(code),
                expiresAt));
        if (purchaseEmail != null) {
            mailCode(requestId, purchaseEmail, code, expiresAt, licenses);
        }
        return new Started(requestId, expiresAt);
    }

    /** Confirms with the mailed code; a wrong one counts towards the lock and is an answer, not an exception. */
    public AttachRequest.Outcome confirm(String requestId, String accountId, String verifiedEmail, String code) {
        try {
            return commandGateway.sendAndWait(new ConfirmAttachCommand(
                    requestId, accountId, verifiedEmail, code.trim().toUpperCase(Locale.ROOT)));
        } catch (AggregateNotFoundException e) {
            throw new AttachRequestException(AttachRequestException.Reason.NOT_FOUND);
        }
    }

    /**
     * Off the request's thread, so that neither the mail nor the recipient's cap shows in the answer's
     * timing. The mail names product and edition only, enough to recognise the purchase: a license
     * key activates the product, and a mail anyone can trigger has no business carrying one (issue
     * 15, finding 4).
     */
    private void mailCode(
            String requestId, String purchaseEmail, String code, Instant expiresAt, List<LicenseView> licenses) {
        Map<String, Object> data = Map.of(
                "code",
                code,
                "expiresAt",
                expiresAt.toString(),
                "licenses",
                licenses.stream()
                        .map(l -> Map.of("product", l.productName(), "edition", l.edition()))
                        .toList());
        mailExecutor.execute(() -> {
            try {
                if (codeMailsPerRecipient.tryAcquire(purchaseEmail).isPresent()) {
                    // The requester sees the same answer; the purchase e-mail is spared more mail this hour.
                    log.info(
                            "attach-code mail of request {} not sent: its recipient's hourly cap is reached",
                            requestId);
                    return;
                }
                mail.send(requestId, "attach-code", purchaseEmail, data);
            } catch (RuntimeException e) {
                // The requester can start again; the code itself is never logged.
                log.warn("could not request the attach-code mail of request {}", requestId, e);
            }
        });
    }
}
