package org.licensecentral.activation.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.licensecentral.activation.api.ActivateMachineCommand;
import org.licensecentral.activation.api.ActivationMode;
import org.licensecentral.activation.api.DeactivateMachineCommand;
import org.licensecentral.activation.api.MachineActivatedEvent;
import org.licensecentral.activation.api.MachineDeactivatedEvent;
import org.licensecentral.activation.api.ReleaseMachineCommand;

/**
 * The seat ledger of one license: which machines it is active on. A license may be active on
 * {@code maxActivations} machines; the same machine (fingerprint) activating again gets its
 * existing activation. Axon handles one command per aggregate at a time, and the event store's
 * unique (aggregate, sequence) index rejects a second writer, so the limit holds under concurrency.
 */
@Aggregate
public class LicenseSeats {

    /** What an activation request came to: the machine's activation, new or the one it had. */
    public record Seat(String activationId, String fingerprint, String hostname, String productVersion,
                       ActivationMode mode) {
    }

    public record Activation(Seat seat, boolean isNew) {
    }

    @AggregateIdentifier
    private String licenseId;
    private final Map<String, Seat> active = new LinkedHashMap<>();

    protected LicenseSeats() {
        // For Axon: created by the first activation, rebuilt from events afterwards.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Activation handle(ActivateMachineCommand command, Clock clock) {
        for (Seat seat : active.values()) {
            if (seat.fingerprint().equals(command.fingerprint())) {
                return new Activation(seat, false);
            }
        }
        if (active.size() >= command.maxActivations()) {
            throw new NoFreeSeatException(active.values().stream().map(Seat::hostname).toList());
        }
        apply(new MachineActivatedEvent(command.activationId(), command.licenseId(), command.fingerprint(),
                command.hostname(), command.productVersion(), command.mode(), clock.instant(), active.size() + 1));
        return new Activation(active.get(command.activationId()), true);
    }

    @CommandHandler
    void handle(DeactivateMachineCommand command, Clock clock) {
        Seat seat = active.get(command.activationId());
        if (seat == null) {
            throw new ActivationNotFoundException();
        }
        free(seat, clock);
    }

    @CommandHandler
    void handle(ReleaseMachineCommand command, Clock clock) {
        free(active.values().stream().filter(seat -> seat.fingerprint().equals(command.fingerprint())).findFirst()
                .orElseThrow(ActivationNotFoundException::new), clock);
    }

    private void free(Seat seat, Clock clock) {
        apply(new MachineDeactivatedEvent(seat.activationId(), licenseId, seat.fingerprint(), seat.hostname(),
                seat.productVersion(), seat.mode(), clock.instant(), active.size() - 1));
    }

    @EventSourcingHandler
    void on(MachineActivatedEvent event) {
        this.licenseId = event.licenseId();
        active.put(event.activationId(), new Seat(event.activationId(), event.fingerprint(), event.hostname(),
                event.productVersion(), event.mode()));
    }

    @EventSourcingHandler
    void on(MachineDeactivatedEvent event) {
        active.remove(event.activationId());
    }
}
