package org.licensecentral.activation.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.licensecentral.activation.api.ActivateMachineCommand;
import org.licensecentral.activation.api.ActivationMode;
import org.licensecentral.activation.api.CheckInMachineCommand;
import org.licensecentral.activation.api.DeactivateMachineCommand;
import org.licensecentral.activation.api.DeactivateOfflineMachineCommand;
import org.licensecentral.activation.api.DeactivationReason;
import org.licensecentral.activation.api.MachineActivatedEvent;
import org.licensecentral.activation.api.MachineCheckedInEvent;
import org.licensecentral.activation.api.MachineDeactivatedEvent;
import org.licensecentral.activation.api.ReleaseLostMachineCommand;
import org.licensecentral.activation.api.ReleaseMachineCommand;
import org.licensecentral.activation.keys.DeactivationSecrets;

/**
 * The seat ledger of one license: which machines hold a seat, each with a lease. A license may be
 * active on {@code maxActivations} machines; the same machine (fingerprint) activating again renews
 * the seat it holds. Axon handles one command per aggregate at a time, and the event store's
 * unique (aggregate, sequence) index rejects a second writer, so the limit holds under concurrency.
 *
 * <p>A lease that is not renewed frees its seat: each seat has one Axon deadline
 * ({@value #LEASE_END}), persisted by db-scheduler in this service's database. When it fires and
 * the lease was renewed meanwhile, it is scheduled again for the new end, so check-ins schedule
 * nothing and a seat never has more than one pending deadline (a deadline of a freed seat does
 * nothing). Deadlines are not cancelled: Axon's db-scheduler manager cancels by scope only by
 * reading every scheduled task, and cancelling by id would put a scheduler's id into the events.
 */
@Aggregate(snapshotTriggerDefinition = "licenseSeatsSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY) // snapshots hold the fields as they are
public class LicenseSeats {

    static final String LEASE_END = "lease-end";

    /** A machine holding a seat; {@code leaseEnds} is null only for activations recorded before leases. */
    public record Seat(
            String activationId,
            String fingerprint,
            String hostname,
            String productVersion,
            ActivationMode mode,
            Instant leaseEnds) {}

    /** What an activation request or a check-in came to: the machine's seat, new or renewed. */
    public record Activation(Seat seat, boolean isNew) {}

    /** The payload of a lease's deadline. */
    record LeaseEnd(String activationId) {}

    @AggregateIdentifier
    private String licenseId;

    private final Map<String, Seat> active = new LinkedHashMap<>();
    /** Activations that held a seat here once, and why they no longer do: a refused check-in says it. */
    private final Map<String, DeactivationReason> ended = new HashMap<>();

    private final List<Instant> lostMachineReleases = new ArrayList<>();
    /** Nonces of the service keys accepted: each is accepted once. */
    private final Set<String> serviceKeyNonces = new HashSet<>();

    protected LicenseSeats() {
        // For Axon: created by the first activation, rebuilt from events (or a snapshot) afterwards.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Activation handle(ActivateMachineCommand command, LeasePolicy leases, Clock clock, DeadlineManager deadlines) {
        Instant now = clock.instant();
        if (command.mode() == ActivationMode.OFFLINE) {
            checkServiceKey(command, leases, now);
        }
        Instant leaseEnds = leaseEnd(now, command.mode(), leases);
        for (Seat seat : active.values()) {
            if (seat.fingerprint().equals(command.fingerprint())) {
                renew(
                        seat,
                        command.productVersion(),
                        command.mode(),
                        leaseEnds,
                        command.serviceKeyNonce(),
                        now,
                        deadlines);
                return new Activation(active.get(seat.activationId()), false);
            }
        }
        if (active.size() >= command.maxActivations()) {
            throw new NoFreeSeatException(
                    active.values().stream().map(Seat::hostname).toList());
        }
        apply(new MachineActivatedEvent(
                command.activationId(),
                command.licenseId(),
                command.fingerprint(),
                command.hostname(),
                command.productVersion(),
                command.mode(),
                now,
                active.size() + 1,
                leaseEnds,
                command.serviceKeyNonce()));
        deadlines.schedule(leaseEnds, LEASE_END, new LeaseEnd(command.activationId()));
        return new Activation(active.get(command.activationId()), true);
    }

    @CommandHandler
    Activation handle(CheckInMachineCommand command, LeasePolicy leases, Clock clock, DeadlineManager deadlines) {
        Seat seat = holding(command.activationId(), command.fingerprint());
        Instant now = clock.instant();
        renew(seat, command.productVersion(), seat.mode(), leaseEnd(now, seat.mode(), leases), null, now, deadlines);
        return new Activation(active.get(seat.activationId()), false);
    }

    @CommandHandler
    void handle(DeactivateMachineCommand command, Clock clock) {
        Seat seat = seat(command.activationId());
        // An offline key from before leases has no code to print and no end: it is freed as it was then.
        if (seat.mode() == ActivationMode.OFFLINE && seat.leaseEnds() != null) {
            throw new OfflineProofRequiredException(seat.leaseEnds());
        }
        free(seat, DeactivationReason.DEACTIVATED_BY_OWNER, clock);
    }

    @CommandHandler
    void handle(DeactivateOfflineMachineCommand command, DeactivationSecrets secrets, Clock clock) {
        Seat seat = seat(command.activationId());
        if (!secrets.matches(command.deactivationCode(), seat.activationId())) {
            throw new InvalidDeactivationCodeException();
        }
        free(seat, DeactivationReason.OFFLINE_DEACTIVATION, clock);
    }

    @CommandHandler
    void handle(ReleaseLostMachineCommand command, LeasePolicy leases, Clock clock) {
        Seat seat = seat(command.activationId());
        if (seat.mode() == ActivationMode.ONLINE) {
            throw new OnlineMachineException();
        }
        Instant windowStart = clock.instant().minus(leases.lostMachineWindow());
        List<Instant> recent = lostMachineReleases.stream()
                .filter(at -> at.isAfter(windowStart))
                .sorted()
                .toList();
        if (recent.size() >= leases.lostMachineReleases()) {
            Instant next =
                    recent.get(recent.size() - leases.lostMachineReleases()).plus(leases.lostMachineWindow());
            throw new LostMachineReleaseLimitException(leases.lostMachineReleases(), next);
        }
        free(seat, DeactivationReason.LOST_MACHINE_RELEASE, clock);
    }

    /** The product's own release; one it already gave up (a retried call) changes nothing. */
    @CommandHandler
    void handle(ReleaseMachineCommand command, Clock clock) {
        if (!active.containsKey(command.activationId()) && ended.containsKey(command.activationId())) {
            return;
        }
        free(holding(command.activationId(), command.fingerprint()), DeactivationReason.RELEASED_BY_PRODUCT, clock);
    }

    @DeadlineHandler(deadlineName = LEASE_END)
    void handle(LeaseEnd deadline, Clock clock, DeadlineManager deadlines) {
        Seat seat = active.get(deadline.activationId());
        if (seat == null || seat.leaseEnds() == null) {
            return;
        }
        if (clock.instant().isBefore(seat.leaseEnds())) {
            deadlines.schedule(seat.leaseEnds(), LEASE_END, deadline);
            return;
        }
        free(seat, DeactivationReason.LEASE_EXPIRED, clock);
    }

    /** Whole seconds: the activation key's {@code exp} says the same instant the ledger and the portal do. */
    private static Instant leaseEnd(Instant now, ActivationMode mode, LeasePolicy leases) {
        return now.plus(leases.of(mode)).truncatedTo(ChronoUnit.SECONDS);
    }

    private void checkServiceKey(ActivateMachineCommand command, LeasePolicy leases, Instant now) {
        if (serviceKeyNonces.contains(command.serviceKeyNonce())) {
            throw new ServiceKeyUsedException();
        }
        if (command.serviceKeyCreatedAt().isBefore(now.minus(leases.serviceKeyWindow()))) {
            throw new ServiceKeyExpiredException("This service key was created more than "
                    + leases.serviceKeyWindow().toHours() + " hours ago.");
        }
        if (command.serviceKeyCreatedAt().isAfter(now.plus(leases.clockSkew()))) {
            throw new ServiceKeyExpiredException(
                    "This service key says it was created in the future: " + "check the machine's clock.");
        }
    }

    /** A check-in of a seat that was freed answers why; a key of another machine is not this seat's. */
    private Seat holding(String activationId, String fingerprint) {
        Seat seat = active.get(activationId);
        if (seat == null) {
            throw new ActivationRevokedException(ended.getOrDefault(activationId, DeactivationReason.UNKNOWN));
        }
        if (!seat.fingerprint().equals(fingerprint)) {
            throw new InvalidActivationKeyException("This activation key was issued to another machine.");
        }
        return seat;
    }

    private Seat seat(String activationId) {
        Seat seat = active.get(activationId);
        if (seat == null) {
            throw new ActivationNotFoundException();
        }
        return seat;
    }

    private void renew(
            Seat seat,
            String productVersion,
            ActivationMode mode,
            Instant leaseEnds,
            String serviceKeyNonce,
            Instant now,
            DeadlineManager deadlines) {
        apply(new MachineCheckedInEvent(
                seat.activationId(),
                licenseId,
                seat.fingerprint(),
                productVersion,
                mode,
                now,
                active.size(),
                leaseEnds,
                serviceKeyNonce));
        // The pending deadline fires at the old end and moves itself to the new one; a lease that got
        // shorter (offline to online) or had none needs one of its own.
        if (seat.leaseEnds() == null || leaseEnds.isBefore(seat.leaseEnds())) {
            deadlines.schedule(leaseEnds, LEASE_END, new LeaseEnd(seat.activationId()));
        }
    }

    private void free(Seat seat, DeactivationReason reason, Clock clock) {
        apply(new MachineDeactivatedEvent(
                seat.activationId(),
                licenseId,
                seat.fingerprint(),
                seat.hostname(),
                seat.productVersion(),
                seat.mode(),
                clock.instant(),
                active.size() - 1,
                reason));
    }

    @EventSourcingHandler
    void on(MachineActivatedEvent event) {
        this.licenseId = event.licenseId();
        active.put(
                event.activationId(),
                new Seat(
                        event.activationId(),
                        event.fingerprint(),
                        event.hostname(),
                        event.productVersion(),
                        event.mode(),
                        event.leaseEnds()));
        if (event.serviceKeyNonce() != null) {
            serviceKeyNonces.add(event.serviceKeyNonce());
        }
    }

    @EventSourcingHandler
    void on(MachineCheckedInEvent event) {
        active.computeIfPresent(
                event.activationId(),
                (id, seat) -> new Seat(
                        id,
                        seat.fingerprint(),
                        seat.hostname(),
                        event.productVersion(),
                        event.mode(),
                        event.leaseEnds()));
        if (event.serviceKeyNonce() != null) {
            serviceKeyNonces.add(event.serviceKeyNonce());
        }
    }

    @EventSourcingHandler
    void on(MachineDeactivatedEvent event) {
        active.remove(event.activationId());
        ended.put(event.activationId(), event.reason());
        if (event.reason() == DeactivationReason.LOST_MACHINE_RELEASE) {
            lostMachineReleases.add(event.at());
        }
    }
}
