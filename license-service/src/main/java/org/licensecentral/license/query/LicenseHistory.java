package org.licensecentral.license.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.licensecentral.license.api.LicenseActivationStatusChangedEvent;
import org.licensecentral.license.api.LicenseAttachedEvent;
import org.licensecentral.license.api.MachineChange;
import org.licensecentral.license.api.MaintenanceExtendedEvent;
import org.licensecentral.license.api.RemoteManagementToggledEvent;

import org.springframework.stereotype.Component;

/**
 * A license's history: its own events, read from the event store, which is the complete record of
 * it (the read model keeps only the latest state). A read, so it belongs to the query side; the
 * portal API itself never touches the event store.
 *
 * <p>Each entry carries what the portal needs to say what happened (issue 16): Remote Management on
 * or off, which machine was activated or released and why, from whom and to whom it was attached,
 * to which day maintenance was extended. The e-mail addresses are the events' own; the web layer
 * masks them ({@link Entry#withEmails}).
 */
@Component
public class LicenseHistory {

    /** One event, named without its {@code Event} suffix ({@code LicenseIssued}), with its details. */
    public record Entry(long sequence, String event, Instant at, Details details) {

        /** The entry with its e-mail addresses passed through {@code mask}. */
        public Entry withEmails(UnaryOperator<String> mask) {
            return new Entry(sequence, event, at, details.withEmails(mask));
        }
    }

    /**
     * What an event says beyond its name; a field is absent where the event has nothing to say
     * about it (and for an activation change stored before machines were kept, {@code machine}).
     *
     * @param remoteManagementAllowed Remote Management on or off, after the change
     * @param activeActivations       machines the license is active on, after the change
     * @param machine                 the machine's host name
     * @param machineActivated        true: activated there; false: its seat freed
     * @param reason                  why the seat was freed (activation-service's reasons)
     * @param fromEmail               who held the license before an attach
     * @param toEmail                 who holds it after
     * @param maintenanceUntil        the last day of maintenance after an extension
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Details(
            Boolean remoteManagementAllowed,
            Integer activeActivations,
            String machine,
            Boolean machineActivated,
            String reason,
            String fromEmail,
            String toEmail,
            LocalDate maintenanceUntil) {

        static final Details NONE = new Details(null, null, null, null, null, null, null, null);

        Details withEmails(UnaryOperator<String> mask) {
            return new Details(
                    remoteManagementAllowed,
                    activeActivations,
                    machine,
                    machineActivated,
                    reason,
                    fromEmail == null ? null : mask.apply(fromEmail),
                    toEmail == null ? null : mask.apply(toEmail),
                    maintenanceUntil);
        }
    }

    private final EventStore eventStore;

    public LicenseHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Oldest first; the caller has checked that the license is the account's. */
    public List<Entry> of(String licenseId) {
        return eventStore
                .readEvents(licenseId)
                .asStream()
                .map(LicenseHistory::entry)
                .toList();
    }

    private static Entry entry(DomainEventMessage<?> event) {
        String name = event.getPayloadType().getSimpleName().replaceFirst("Event$", "");
        return new Entry(event.getSequenceNumber(), name, event.getTimestamp(), details(event.getPayload()));
    }

    static Details details(Object payload) {
        if (payload instanceof RemoteManagementToggledEvent toggled) {
            return new Details(toggled.allowed(), null, null, null, null, null, null, null);
        }
        if (payload instanceof LicenseActivationStatusChangedEvent changed) {
            MachineChange machine = changed.machine();
            return machine == null
                    ? new Details(null, changed.activeActivations(), null, null, null, null, null, null)
                    : new Details(
                            null,
                            changed.activeActivations(),
                            machine.hostname(),
                            machine.activated(),
                            machine.reason(),
                            null,
                            null,
                            null);
        }
        if (payload instanceof LicenseAttachedEvent attached) {
            return new Details(null, null, null, null, null, attached.fromEmail(), attached.toEmail(), null);
        }
        if (payload instanceof MaintenanceExtendedEvent extended) {
            return new Details(null, null, null, null, null, null, null, extended.maintenanceUntil());
        }
        return Details.NONE;
    }
}
