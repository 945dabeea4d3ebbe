package org.licensecentral.activation.command;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasToString;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import org.licensecentral.verifier.DeactivationCode;

/** The seat ledger's rules: seats, leases and their deadlines, the ways a seat is freed, service keys. */
class LicenseSeatsTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Duration ONLINE = Duration.ofDays(7);
    private static final Duration OFFLINE = Duration.ofDays(365);
    private static final LeasePolicy LEASES =
            new LeasePolicy(ONLINE, OFFLINE, 1, Duration.ofDays(30), Duration.ofHours(24), Duration.ofMinutes(5));

    /** The handlers' clock, moved with the fixture's own time where deadlines are involved. */
    private static final class MovableClock extends Clock {

        private Instant now = NOW;

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @TempDir
    Path keysDir;

    private final MovableClock clock = new MovableClock();
    private DeactivationSecrets secrets;
    private AggregateTestFixture<LicenseSeats> fixture;

    @BeforeEach
    void setUp() {
        secrets = new DeactivationSecrets(keysDir);
        fixture = new AggregateTestFixture<>(LicenseSeats.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(LEASES);
        fixture.registerInjectableResource(secrets);
    }

    @Test
    void theFirstMachineTakesASeatWithAnOnlineLeaseAndItsDeadline() {
        fixture.givenNoPriorActivity()
                .when(activate("act-1", "fp-1", "office-pc", 1))
                .expectEvents(activated("act-1", "fp-1", "office-pc", 1, ActivationMode.ONLINE, null))
                .expectScheduledDeadline(NOW.plus(ONLINE), new LicenseSeats.LeaseEnd("act-1"));
    }

    @Test
    void theSameMachineActivatingAgainRenewsTheSeatItHolds() {
        fixture.given(activated("act-1", "fp-1", "office-pc", 1, ActivationMode.ONLINE, null))
                .when(activate("act-2", "fp-1", "office-pc", 1))
                .expectResultMessagePayloadMatching(hasToString(containsString("activationId=act-1")))
                .expectEvents(checkedIn("act-1", "fp-1", ActivationMode.ONLINE, NOW.plus(ONLINE), null))
                .expectNoScheduledDeadlines();
    }

    @Test
    void anotherMachineFindsNoFreeSeatOnAOneSeatLicense() {
        fixture.given(activated("act-1", "fp-1", "office-pc", 1, ActivationMode.ONLINE, null))
                .when(activate("act-2", "fp-2", "laptop", 1))
                .expectException(NoFreeSeatException.class)
                .expectExceptionMessage(
                        "No free seat: this license is active on office-pc. Deactivate one of them first.")
                .expectNoEvents();
    }

    @Test
    void aSecondSeatIsTakenWhenTheLicenseHasTwo() {
        fixture.given(activated("act-1", "fp-1", "office-pc", 1, ActivationMode.ONLINE, null))
                .when(activate("act-2", "fp-2", "laptop", 2))
                .expectEvents(activated("act-2", "fp-2", "laptop", 2, ActivationMode.ONLINE, null));
    }

    @Test
    void aCheckInRenewsTheLeaseFromNow() {
        clock.set(NOW.plus(Duration.ofDays(4)));
        fixture.given(activated("act-1", "fp-1", "office-pc", 1, ActivationMode.ONLINE, null))
                .when(new CheckInMachineCommand("lic-1", "act-1", "fp-1", "5.3.1"))
                .expectEvents(new MachineCheckedInEvent(
                        "act-1",
                        "lic-1",
                        "fp-1",
                        "5.3.1",
                        ActivationMode.ONLINE,
                        NOW.plus(Duration.ofDays(4)),
                        1,
                        NOW.plus(Duration.ofDays(4)).plus(ONLINE),
                        null))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aCheckInOfADeactivatedMachineIsRefusedWithTheReason() {
        fixture.given(
                        activated("act-1", "fp-1", "office-pc", 1, ActivationMode.ONLINE, null),
                        deactivated("act-1", ActivationMode.ONLINE, DeactivationReason.DEACTIVATED_BY_OWNER))
                .when(new CheckInMachineCommand("lic-1", "act-1", "fp-1", "5.3.1"))
                .expectException(ActivationRevokedException.class)
                .expectExceptionMessage(containsString("deactivated in the portal"))
                .expectNoEvents();
    }

    @Test
    void aCheckInWithAnotherMachinesFingerprintIsRefused() {
        fixture.given(activated("act-1", "fp-1", "office-pc", 1, ActivationMode.ONLINE, null))
                .when(new CheckInMachineCommand("lic-1", "act-1", "fp-2", "5.3.1"))
                .expectException(InvalidActivationKeyException.class)
                .expectNoEvents();
    }

    @Test
    void aLeaseThatRunsOutFreesTheSeatAndSaysWhy() {
        Instant end = NOW.plus(ONLINE);
        TestExecutor<LicenseSeats> activated = fixture.givenCommands(activate("act-1", "fp-1", "office-pc", 1));
        clock.set(end);
        activated
                .whenThenTimeAdvancesTo(end)
                .expectTriggeredDeadlines(new LicenseSeats.LeaseEnd("act-1"))
                .expectEvents(new MachineDeactivatedEvent(
                        "act-1",
                        "lic-1",
                        "fp-1",
                        "office-pc",
                        "5.3.1",
                        ActivationMode.ONLINE,
                        end,
                        0,
                        DeactivationReason.LEASE_EXPIRED));
    }

    @Test
    void aLeaseRenewedBeforeItsEndMovesItsDeadlineInsteadOfFreeingTheSeat() {
        Instant checkIn = NOW.plus(Duration.ofDays(3));
        Instant firstEnd = NOW.plus(ONLINE);
        TestExecutor<LicenseSeats> given = fixture.givenCommands(activate("act-1", "fp-1", "office-pc", 1));
        clock.set(checkIn);
        given = given.andGivenCommands(new CheckInMachineCommand("lic-1", "act-1", "fp-1", "5.3.1"));
        clock.set(firstEnd);
        given.whenThenTimeAdvancesTo(firstEnd)
                .expectTriggeredDeadlines(new LicenseSeats.LeaseEnd("act-1"))
                .expectNoEvents()
                .expectScheduledDeadline(checkIn.plus(ONLINE), new LicenseSeats.LeaseEnd("act-1"));
    }

    @Test
    void theOwnerFreesAnOnlineMachineAtOnce() {
        fixture.given(activated("act-1", "fp-1", "office-pc", 1, ActivationMode.ONLINE, null))
                .when(new DeactivateMachineCommand("lic-1", "act-1"))
                .expectEvents(deactivated("act-1", ActivationMode.ONLINE, DeactivationReason.DEACTIVATED_BY_OWNER));
    }

    @Test
    void anOfflineMachineIsNotFreedWithoutAProofAndTheOwnerLearnsTheLeaseEnd() {
        fixture.given(activated("act-1", "fp-1", "office-pc", 1, ActivationMode.OFFLINE, "nonce-1"))
                .when(new DeactivateMachineCommand("lic-1", "act-1"))
                .expectException(OfflineProofRequiredException.class)
                .expectExceptionMessage(containsString(NOW.plus(OFFLINE).toString()))
                .expectNoEvents();
    }

    @Test
    void anOfflineMachineFromBeforeLeasesIsFreedByTheOwnerAsBefore() {
        fixture.given(new MachineActivatedEvent(
                        "act-1",
                        "lic-1",
                        "fp-1",
                        "office-pc",
                        "5.3.1",
                        ActivationMode.OFFLINE,
                        NOW.minus(Duration.ofDays(90)),
                        1,
                        null,
                        null))
                .when(new DeactivateMachineCommand("lic-1", "act-1"))
                .expectEvents(deactivated("act-1", ActivationMode.OFFLINE, DeactivationReason.DEACTIVATED_BY_OWNER));
    }

    @Test
    void theMachinesDeactivationCodeFreesAnOfflineSeat() {
        String code = DeactivationCode.of(secrets.secretOf("act-1"), "act-1");
        fixture.given(activated("act-1", "fp-1", "office-pc", 1, ActivationMode.OFFLINE, "nonce-1"))
                .when(new DeactivateOfflineMachineCommand("lic-1", "act-1", code.toLowerCase()))
                .expectEvents(deactivated("act-1", ActivationMode.OFFLINE, DeactivationReason.OFFLINE_DEACTIVATION));
    }

    @Test
    void anotherActivationsDeactivationCodeIsRefused() {
        String otherCode = DeactivationCode.of(secrets.secretOf("act-2"), "act-2");
        fixture.given(activated("act-1", "fp-1", "office-pc", 1, ActivationMode.OFFLINE, "nonce-1"))
                .when(new DeactivateOfflineMachineCommand("lic-1", "act-1", otherCode))
                .expectException(InvalidDeactivationCodeException.class)
                .expectNoEvents();
    }

    @Test
    void aLostMachineIsReleasedWithoutAProof() {
        fixture.given(activated("act-1", "fp-1", "office-pc", 1, ActivationMode.OFFLINE, "nonce-1"))
                .when(new ReleaseLostMachineCommand("lic-1", "act-1"))
                .expectEvents(deactivated("act-1", ActivationMode.OFFLINE, DeactivationReason.LOST_MACHINE_RELEASE));
    }

    @Test
    void aSecondLostMachineWithinThirtyDaysIsRefusedWithTheDateOfTheNext() {
        Instant earlier = NOW.minus(Duration.ofDays(10));
        fixture.given(
                        activated("act-1", "fp-1", "office-pc", 1, ActivationMode.OFFLINE, "nonce-1"),
                        new MachineDeactivatedEvent(
                                "act-1",
                                "lic-1",
                                "fp-1",
                                "office-pc",
                                "5.3.1",
                                ActivationMode.OFFLINE,
                                earlier,
                                0,
                                DeactivationReason.LOST_MACHINE_RELEASE),
                        activated("act-2", "fp-2", "laptop", 1, ActivationMode.OFFLINE, "nonce-2"))
                .when(new ReleaseLostMachineCommand("lic-1", "act-2"))
                .expectException(LostMachineReleaseLimitException.class)
                .expectExceptionMessage(
                        containsString(earlier.plus(Duration.ofDays(30)).toString()))
                .expectNoEvents();
    }

    @Test
    void aLostMachineReleaseIsPossibleAgainOnceTheWindowHasPassed() {
        fixture.given(
                        activated("act-1", "fp-1", "office-pc", 1, ActivationMode.OFFLINE, "nonce-1"),
                        new MachineDeactivatedEvent(
                                "act-1",
                                "lic-1",
                                "fp-1",
                                "office-pc",
                                "5.3.1",
                                ActivationMode.OFFLINE,
                                NOW.minus(Duration.ofDays(31)),
                                0,
                                DeactivationReason.LOST_MACHINE_RELEASE),
                        activated("act-2", "fp-2", "laptop", 1, ActivationMode.OFFLINE, "nonce-2"))
                .when(new ReleaseLostMachineCommand("lic-1", "act-2"))
                .expectEvents(new MachineDeactivatedEvent(
                        "act-2",
                        "lic-1",
                        "fp-2",
                        "laptop",
                        "5.3.1",
                        ActivationMode.OFFLINE,
                        NOW,
                        0,
                        DeactivationReason.LOST_MACHINE_RELEASE));
    }

    @Test
    void anOnlineMachineIsDeactivatedRatherThanReleasedAsLost() {
        fixture.given(activated("act-1", "fp-1", "office-pc", 1, ActivationMode.ONLINE, null))
                .when(new ReleaseLostMachineCommand("lic-1", "act-1"))
                .expectException(OnlineMachineException.class)
                .expectNoEvents();
    }

    @Test
    void anOfflineActivationGetsTheLongLease() {
        fixture.givenNoPriorActivity()
                .when(activateOffline("act-1", "fp-1", "nonce-1", NOW.minus(Duration.ofHours(2))))
                .expectEvents(activated("act-1", "fp-1", "office-pc", 1, ActivationMode.OFFLINE, "nonce-1"))
                .expectScheduledDeadline(NOW.plus(OFFLINE), new LicenseSeats.LeaseEnd("act-1"));
    }

    @Test
    void aServiceKeyReplayedAfterItsMachineWasFreedIsRefused() {
        fixture.given(
                        activated("act-1", "fp-1", "office-pc", 1, ActivationMode.OFFLINE, "nonce-1"),
                        deactivated("act-1", ActivationMode.OFFLINE, DeactivationReason.OFFLINE_DEACTIVATION))
                .when(activateOffline("act-2", "fp-1", "nonce-1", NOW.minus(Duration.ofHours(1))))
                .expectException(ServiceKeyUsedException.class)
                .expectNoEvents();
    }

    @Test
    void aServiceKeyOlderThanItsWindowIsRefused() {
        fixture.givenNoPriorActivity()
                .when(activateOffline("act-1", "fp-1", "nonce-1", NOW.minus(Duration.ofHours(25))))
                .expectException(ServiceKeyExpiredException.class)
                .expectNoEvents();
    }

    @Test
    void aServiceKeyFromTheFutureIsRefused() {
        fixture.givenNoPriorActivity()
                .when(activateOffline("act-1", "fp-1", "nonce-1", NOW.plus(Duration.ofMinutes(6))))
                .expectException(ServiceKeyExpiredException.class)
                .expectNoEvents();
    }

    @Test
    void aProductReleasesItsOwnSeat() {
        fixture.given(activated("act-1", "fp-1", "office-pc", 1, ActivationMode.ONLINE, null))
                .when(new ReleaseMachineCommand("lic-1", "act-1", "fp-1"))
                .expectEvents(deactivated("act-1", ActivationMode.ONLINE, DeactivationReason.RELEASED_BY_PRODUCT));
    }

    @Test
    void aRepeatedReleaseChangesNothing() {
        fixture.given(
                        activated("act-1", "fp-1", "office-pc", 1, ActivationMode.ONLINE, null),
                        deactivated("act-1", ActivationMode.ONLINE, DeactivationReason.RELEASED_BY_PRODUCT))
                .when(new ReleaseMachineCommand("lic-1", "act-1", "fp-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anActivationFromBeforeLeasesGetsALeaseAndADeadlineAtItsFirstCheckIn() {
        fixture.given(new MachineActivatedEvent(
                        "act-1",
                        "lic-1",
                        "fp-1",
                        "office-pc",
                        "5.3.1",
                        ActivationMode.ONLINE,
                        NOW.minus(Duration.ofDays(90)),
                        1,
                        null,
                        null))
                .when(new CheckInMachineCommand("lic-1", "act-1", "fp-1", "5.3.1"))
                .expectEvents(checkedIn("act-1", "fp-1", ActivationMode.ONLINE, NOW.plus(ONLINE), null))
                .expectScheduledDeadline(NOW.plus(ONLINE), new LicenseSeats.LeaseEnd("act-1"));
    }

    private static ActivateMachineCommand activate(
            String activationId, String fingerprint, String hostname, int seats) {
        return new ActivateMachineCommand(
                "lic-1", activationId, fingerprint, hostname, "5.3.1", ActivationMode.ONLINE, seats, null, null);
    }

    private static ActivateMachineCommand activateOffline(
            String activationId, String fingerprint, String nonce, Instant createdAt) {
        return new ActivateMachineCommand(
                "lic-1", activationId, fingerprint, "office-pc", "5.3.1", ActivationMode.OFFLINE, 1, nonce, createdAt);
    }

    private static MachineActivatedEvent activated(
            String activationId, String fingerprint, String hostname, int active, ActivationMode mode, String nonce) {
        return new MachineActivatedEvent(
                activationId,
                "lic-1",
                fingerprint,
                hostname,
                "5.3.1",
                mode,
                NOW,
                active,
                NOW.plus(mode == ActivationMode.OFFLINE ? OFFLINE : ONLINE),
                nonce);
    }

    private static MachineCheckedInEvent checkedIn(
            String activationId, String fingerprint, ActivationMode mode, Instant leaseEnds, String nonce) {
        return new MachineCheckedInEvent(activationId, "lic-1", fingerprint, "5.3.1", mode, NOW, 1, leaseEnds, nonce);
    }

    private static MachineDeactivatedEvent deactivated(
            String activationId, ActivationMode mode, DeactivationReason reason) {
        return new MachineDeactivatedEvent(activationId, "lic-1", "fp-1", "office-pc", "5.3.1", mode, NOW, 0, reason);
    }
}
