package org.licensecentral.license.command;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.licensecentral.license.api.AttachLicenseCommand;
import org.licensecentral.license.api.AttachLicenseResponse;
import org.licensecentral.license.api.ExtendMaintenanceCommand;
import org.licensecentral.license.api.IssueLicenseCommand;
import org.licensecentral.license.api.LicenseActivationStatusChangedEvent;
import org.licensecentral.license.api.LicenseAttachedEvent;
import org.licensecentral.license.api.LicenseIssuedEvent;
import org.licensecentral.license.api.MaintenanceExtendedEvent;
import org.licensecentral.license.api.RecordActiveActivationsCommand;
import org.licensecentral.license.api.RemoteManagementToggledEvent;
import org.licensecentral.license.api.SetRemoteManagementCommand;

/** One license: one unit of a purchased product, with its own key, seats and maintenance. */
@Aggregate
public class License {

    @AggregateIdentifier
    private String licenseId;

    private String productCode;
    private String purchaseEmail;
    private boolean remoteManagementSupported;
    private boolean remoteManagementAllowed;
    private int activeActivations;
    private String ownerAccount;
    private String ownerEmail;
    /** Who held the license before its last attach; what a repeated attach answers. */
    private String previousOwnerEmail;

    private LocalDate maintenanceUntil;
    private final Set<String> appliedRenewals = new HashSet<>();

    protected License() {
        // For Axon, which rebuilds the aggregate from its events.
    }

    @CommandHandler
    public License(IssueLicenseCommand command) {
        if (command.maxActivations() < 1) {
            throw new IllegalArgumentException("a license allows at least one activation");
        }
        if (command.maintenanceUntil().isBefore(LocalDate.ofInstant(command.purchasedAt(), ZoneOffset.UTC))) {
            throw new IllegalArgumentException("maintenance cannot end before the purchase");
        }
        apply(new LicenseIssuedEvent(
                command.licenseId(),
                command.licenseKey(),
                command.purchaseId(),
                command.purchaseEmail(),
                command.productCode(),
                command.edition(),
                command.maxActivations(),
                command.purchasedAt(),
                command.maintenanceUntil(),
                command.remoteManagementSince()));
    }

    @CommandHandler
    void handle(SetRemoteManagementCommand command) {
        // Decided here, on the license's own events, not on the read model, which may lag behind an attach.
        if (!isHeldBy(command.accountId(), command.verifiedEmail())) {
            throw new LicenseNotFoundException();
        }
        if (!remoteManagementSupported) {
            throw new RemoteManagementNotSupportedException(productCode);
        }
        if (command.allowed() != remoteManagementAllowed) {
            apply(new RemoteManagementToggledEvent(licenseId, command.allowed()));
        }
    }

    @CommandHandler
    void handle(RecordActiveActivationsCommand command) {
        if (command.activeActivations() < 0) {
            throw new IllegalArgumentException("active activations cannot be negative");
        }
        // A redelivered or repeated report of the same count records nothing.
        if (command.activeActivations() != activeActivations) {
            apply(new LicenseActivationStatusChangedEvent(
                    licenseId, command.activeActivations() > 0, command.activeActivations(), command.machine()));
        }
    }

    @CommandHandler
    AttachLicenseResponse handle(AttachLicenseCommand command) {
        // Confirming the same request twice, or attaching to the current owner, records nothing;
        // the answer still names the holder before, so the mails of a confirmation handled again
        // after a crash go to the same people. apply() has run the handler below when it returns.
        if (!command.toAccount().equals(ownerAccount)) {
            apply(new LicenseAttachedEvent(
                    licenseId, ownerAccount, ownerEmail, command.toAccount(), command.toEmail()));
        }
        return new AttachLicenseResponse(licenseId, previousOwnerEmail);
    }

    @CommandHandler
    void handle(ExtendMaintenanceCommand command) {
        if (command.months() < 1) {
            throw new IllegalArgumentException("a renewal extends maintenance by at least a month");
        }
        if (appliedRenewals.contains(command.renewalId())) {
            return;
        }
        // Renewing a lapsed license starts from the renewal's day, not from the old end.
        LocalDate from = maintenanceUntil.isBefore(command.purchasedOn()) ? command.purchasedOn() : maintenanceUntil;
        apply(new MaintenanceExtendedEvent(licenseId, command.renewalId(), from.plusMonths(command.months())));
    }

    /**
     * The account it is attached to holds it; until it is attached, the account whose verified e-mail
     * it was bought with. Without its issue it is nobody's (Axon already refuses to load another
     * aggregate's events under a license's id; this keeps the rule true on its own).
     */
    private boolean isHeldBy(String accountId, String verifiedEmail) {
        if (licenseId == null) {
            return false;
        }
        if (ownerAccount != null) {
            return ownerAccount.equals(accountId);
        }
        return verifiedEmail != null && verifiedEmail.equals(purchaseEmail);
    }

    @EventSourcingHandler
    void on(LicenseIssuedEvent event) {
        this.licenseId = event.licenseId();
        this.purchaseEmail = event.purchaseEmail();
        this.ownerEmail = event.purchaseEmail();
        this.maintenanceUntil = event.maintenanceUntil();
        this.productCode = event.productCode();
        this.remoteManagementSupported = event.remoteManagementSince() != null;
    }

    @EventSourcingHandler
    void on(MaintenanceExtendedEvent event) {
        this.maintenanceUntil = event.maintenanceUntil();
        this.appliedRenewals.add(event.renewalId());
    }

    @EventSourcingHandler
    void on(LicenseAttachedEvent event) {
        this.previousOwnerEmail = event.fromEmail();
        this.ownerAccount = event.toAccount();
        this.ownerEmail = event.toEmail();
    }

    @EventSourcingHandler
    void on(RemoteManagementToggledEvent event) {
        this.remoteManagementAllowed = event.allowed();
    }

    @EventSourcingHandler
    void on(LicenseActivationStatusChangedEvent event) {
        this.activeActivations = event.activeActivations();
    }

    /**
     * The id of a purchase's license: derived from the purchase id and the unit's position, so the
     * same purchase processed again names the licenses it issued before.
     */
    public static String idOf(String purchaseId, int item, int unit) {
        return UUID.nameUUIDFromBytes(("license:" + purchaseId + ":" + item + ":" + unit).getBytes(UTF_8))
                .toString();
    }
}
