package org.licensecentral.license.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.licensecentral.license.api.AttachCodeRejectedEvent;
import org.licensecentral.license.api.AttachCodeRequestedEvent;
import org.licensecentral.license.api.AttachRequestConfirmedEvent;
import org.licensecentral.license.api.AttachRequestLockedEvent;
import org.licensecentral.license.api.ConfirmAttachCommand;
import org.licensecentral.license.api.RequestAttachCodeCommand;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The two-step attach: a code mailed to the purchase e-mail, confirmed by the account that asked.
 * It survives {@link AttachLimits#codeAttempts()} wrong codes, then locks; it expires at
 * {@code expiresAt}; it is used once.
 */
@Aggregate
public class AttachRequest {

    /**
     * What a confirmation attempt came to; a wrong code is recorded, so it is an answer, not an
     * exception. {@code licenseIds} are the ones the confirmation attaches, empty unless confirmed:
     * the aggregate is the one that knows them at once, while the read model learns of the attach later.
     */
    public record Outcome(boolean confirmed, int attemptsLeft, List<String> licenseIds) {

        public Outcome {
            licenseIds = List.copyOf(licenseIds);
        }
    }

    @AggregateIdentifier
    private String requestId;

    private String requestedBy;
    private List<String> licenseIds;
    private String codeHash;
    private Instant expiresAt;
    private int wrongAttempts;
    private boolean locked;
    private boolean confirmed;

    protected AttachRequest() {
        // For Axon, which rebuilds the aggregate from its events.
    }

    @CommandHandler
    public AttachRequest(RequestAttachCodeCommand command) {
        apply(new AttachCodeRequestedEvent(
                command.requestId(),
                command.requestedBy(),
                List.copyOf(command.licenseIds()),
                command.purchaseEmail(),
                command.codeHash(),
                command.expiresAt()));
    }

    @CommandHandler
    Outcome handle(ConfirmAttachCommand command, PasswordEncoder codeEncoder, Clock clock, AttachLimits limits) {
        if (!requestedBy.equals(command.accountId())) {
            // Another account's request does not exist for this caller.
            throw new AttachRequestException(AttachRequestException.Reason.NOT_FOUND);
        }
        if (confirmed) {
            throw new AttachRequestException(AttachRequestException.Reason.USED);
        }
        if (locked) {
            throw new AttachRequestException(AttachRequestException.Reason.LOCKED);
        }
        if (!clock.instant().isBefore(expiresAt)) {
            throw new AttachRequestException(AttachRequestException.Reason.EXPIRED);
        }
        if (licenseIds.isEmpty() || !codeEncoder.matches(command.code(), codeHash)) {
            int attempt = wrongAttempts + 1;
            apply(new AttachCodeRejectedEvent(requestId, attempt));
            if (attempt >= limits.codeAttempts()) {
                apply(new AttachRequestLockedEvent(requestId));
            }
            return new Outcome(false, Math.max(0, limits.codeAttempts() - attempt), List.of());
        }
        apply(new AttachRequestConfirmedEvent(requestId, licenseIds, command.accountId(), command.accountEmail()));
        return new Outcome(true, Math.max(0, limits.codeAttempts() - wrongAttempts), licenseIds);
    }

    @EventSourcingHandler
    void on(AttachCodeRequestedEvent event) {
        this.requestId = event.requestId();
        this.requestedBy = event.requestedBy();
        this.licenseIds = event.licenseIds();
        this.codeHash = event.codeHash();
        this.expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(AttachCodeRejectedEvent event) {
        this.wrongAttempts = event.attempt();
    }

    @EventSourcingHandler
    void on(AttachRequestLockedEvent event) {
        this.locked = true;
    }

    @EventSourcingHandler
    void on(AttachRequestConfirmedEvent event) {
        this.confirmed = true;
    }
}
