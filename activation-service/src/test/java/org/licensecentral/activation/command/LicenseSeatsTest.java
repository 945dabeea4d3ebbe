package org.licensecentral.activation.command;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasToString;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.licensecentral.activation.api.ActivateMachineCommand;
import org.licensecentral.activation.api.ActivationMode;
import org.licensecentral.activation.api.DeactivateMachineCommand;
import org.licensecentral.activation.api.MachineActivatedEvent;
import org.licensecentral.activation.api.MachineDeactivatedEvent;
import org.licensecentral.activation.api.ReleaseMachineCommand;

class LicenseSeatsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private AggregateTestFixture<LicenseSeats> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LicenseSeats.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theFirstMachineTakesASeat() {
        fixture.givenNoPriorActivity()
                .when(activate("act-1", "fp-1", "office-pc", 1))
                .expectEvents(activated("act-1", "fp-1", "office-pc", 1));
    }

    @Test
    void theSameMachineActivatingAgainGetsItsActivationAndRecordsNothing() {
        fixture.given(activated("act-1", "fp-1", "office-pc", 1))
                .when(activate("act-2", "fp-1", "office-pc", 1))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(hasToString(containsString("activationId=act-1")))
                .expectNoEvents();
    }

    @Test
    void anotherMachineFindsNoFreeSeatOnAOneSeatLicense() {
        fixture.given(activated("act-1", "fp-1", "office-pc", 1))
                .when(activate("act-2", "fp-2", "laptop", 1))
                .expectException(NoFreeSeatException.class)
                .expectExceptionMessage("No free seat: this license is active on office-pc. Deactivate one of them first.")
                .expectNoEvents();
    }

    @Test
    void aSecondSeatIsTakenWhenTheLicenseHasTwo() {
        fixture.given(activated("act-1", "fp-1", "office-pc", 1))
                .when(activate("act-2", "fp-2", "laptop", 2))
                .expectEvents(activated("act-2", "fp-2", "laptop", 2));
    }

    @Test
    void deactivatingFreesTheSeat() {
        fixture.given(activated("act-1", "fp-1", "office-pc", 1))
                .when(new DeactivateMachineCommand("lic-1", "act-1"))
                .expectEvents(new MachineDeactivatedEvent("act-1", "lic-1", "fp-1", "office-pc", "5.3.1",
                        ActivationMode.ONLINE, NOW, 0));
    }

    @Test
    void aProductReleasesItsSeatByFingerprint() {
        fixture.given(activated("act-1", "fp-1", "office-pc", 1))
                .when(new ReleaseMachineCommand("lic-1", "fp-1"))
                .expectEvents(new MachineDeactivatedEvent("act-1", "lic-1", "fp-1", "office-pc", "5.3.1",
                        ActivationMode.ONLINE, NOW, 0));
    }

    @Test
    void deactivatingAnActivationThatIsNotActiveFails() {
        fixture.given(activated("act-1", "fp-1", "office-pc", 1),
                        new MachineDeactivatedEvent("act-1", "lic-1", "fp-1", "office-pc", "5.3.1", ActivationMode.ONLINE, NOW, 0))
                .when(new DeactivateMachineCommand("lic-1", "act-1"))
                .expectException(ActivationNotFoundException.class)
                .expectNoEvents();
    }

    private static ActivateMachineCommand activate(String activationId, String fingerprint, String hostname, int seats) {
        return new ActivateMachineCommand("lic-1", activationId, fingerprint, hostname, "5.3.1", ActivationMode.ONLINE, seats);
    }

    private static MachineActivatedEvent activated(String activationId, String fingerprint, String hostname, int active) {
        return new MachineActivatedEvent(activationId, "lic-1", fingerprint, hostname, "5.3.1", ActivationMode.ONLINE, NOW, active);
    }
}
