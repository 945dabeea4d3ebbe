package org.licensecentral.license.command;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.licensecentral.license.api.AttachLicenseCommand;
import org.licensecentral.license.api.AttachLicenseResponse;
import org.licensecentral.license.api.ExtendMaintenanceCommand;
import org.licensecentral.license.api.IssueLicenseCommand;
import org.licensecentral.license.api.LicenseActivationStatusChangedEvent;
import org.licensecentral.license.api.LicenseAttachedEvent;
import org.licensecentral.license.api.LicenseIssuedEvent;
import org.licensecentral.license.api.MachineChange;
import org.licensecentral.license.api.MaintenanceExtendedEvent;
import org.licensecentral.license.api.RecordActiveActivationsCommand;
import org.licensecentral.license.api.RemoteManagementToggledEvent;
import org.licensecentral.license.api.SetRemoteManagementCommand;

class LicenseTest {

    private static final Instant PURCHASED = Instant.parse("2026-03-14T10:15:00Z");

    private AggregateTestFixture<License> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(License.class);
    }

    @Test
    void issuingRecordsTheLicenseWithItsKeySeatsAndMaintenance() {
        fixture.givenNoPriorActivity()
                .when(issue(2, LocalDate.of(2028, 3, 14)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new LicenseIssuedEvent(
                        "lic-1",
                        "ABCDE-FGHJK-MNPQR-STUVW-XYZ23",
                        "P-1",
                        "buyer@example.org",
                        "BACKUP",
                        "Professional",
                        2,
                        PURCHASED,
                        LocalDate.of(2028, 3, 14),
                        "5.2"));
    }

    @Test
    void issuingFailsForALicenseWithoutSeats() {
        fixture.givenNoPriorActivity()
                .when(issue(0, LocalDate.of(2028, 3, 14)))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void issuingFailsWhenMaintenanceEndsBeforeThePurchase() {
        fixture.givenNoPriorActivity()
                .when(issue(1, LocalDate.of(2026, 3, 13)))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void allowingRemoteManagementOnABackupLicenseRecordsIt() {
        fixture.given(issued("BACKUP", "5.2"))
                .when(byBuyer(true))
                .expectEvents(new RemoteManagementToggledEvent("lic-1", true));
    }

    @Test
    void settingRemoteManagementToTheValueItHasRecordsNothing() {
        fixture.given(issued("BACKUP", "5.2"), new RemoteManagementToggledEvent("lic-1", true))
                .when(byBuyer(true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void remoteManagementFailsForAProductWithoutIt() {
        fixture.given(issued("DRIVE", null))
                .when(byBuyer(true))
                .expectException(RemoteManagementNotSupportedException.class)
                .expectNoEvents();
    }

    @Test
    void theAccountTheLicenseIsAttachedToSetsRemoteManagement() {
        fixture.given(issued("BACKUP", "5.2"), attachedTo("acc-b", "b@example.org"))
                .when(new SetRemoteManagementCommand("lic-1", "acc-b", "b@example.org", true))
                .expectEvents(new RemoteManagementToggledEvent("lic-1", true));
    }

    @Test
    void theVerifiedPurchaseEmailHoldsALicenseNobodyAttached() {
        fixture.given(issued("BACKUP", "5.2"))
                .when(new SetRemoteManagementCommand("lic-1", "acc-a", "buyer@example.org", true))
                .expectEvents(new RemoteManagementToggledEvent("lic-1", true));
    }

    @Test
    void remoteManagementIsRefusedToAnotherAccountAsIfTheLicenseDidNotExist() {
        fixture.given(issued("BACKUP", "5.2"))
                .when(new SetRemoteManagementCommand("lic-1", "acc-c", "c@example.org", true))
                .expectException(LicenseNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void remoteManagementIsRefusedToAnAccountWithoutAVerifiedEmail() {
        fixture.given(issued("BACKUP", "5.2"))
                .when(new SetRemoteManagementCommand("lic-1", "acc-a", null, true))
                .expectException(LicenseNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void thePurchaseEmailNoLongerHoldsALicenseAttachedToAnotherAccount() {
        fixture.given(issued("BACKUP", "5.2"), attachedTo("acc-b", "b@example.org"))
                .when(byBuyer(true))
                .expectException(LicenseNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void anotherAccountIsRefusedBeforeItLearnsWhetherTheProductHasRemoteManagement() {
        fixture.given(issued("DRIVE", null))
                .when(new SetRemoteManagementCommand("lic-1", "acc-c", "c@example.org", true))
                .expectException(LicenseNotFoundException.class)
                .expectNoEvents();
    }

    private static final MachineChange ACTIVATED_ON_PC = new MachineChange("act-1", "office-pc", true, null);
    private static final MachineChange LEASE_ENDED_ON_PC =
            new MachineChange("act-1", "office-pc", false, "LEASE_EXPIRED");

    @Test
    void aFirstActiveMachineMakesTheLicenseActivatedAndNamesTheMachine() {
        fixture.given(issued("BACKUP", "5.2"))
                .when(new RecordActiveActivationsCommand("lic-1", 1, ACTIVATED_ON_PC))
                .expectEvents(new LicenseActivationStatusChangedEvent("lic-1", true, 1, ACTIVATED_ON_PC));
    }

    @Test
    void noActiveMachineLeftMakesTheLicenseNotActivatedAndSaysWhy() {
        fixture.given(issued("BACKUP", "5.2"), new LicenseActivationStatusChangedEvent("lic-1", true, 1, null))
                .when(new RecordActiveActivationsCommand("lic-1", 0, LEASE_ENDED_ON_PC))
                .expectEvents(new LicenseActivationStatusChangedEvent("lic-1", false, 0, LEASE_ENDED_ON_PC));
    }

    @Test
    void theSameActiveCountReportedAgainRecordsNothing() {
        fixture.given(issued("BACKUP", "5.2"), new LicenseActivationStatusChangedEvent("lic-1", true, 1, null))
                .when(new RecordActiveActivationsCommand("lic-1", 1, ACTIVATED_ON_PC))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void attachingMovesTheLicenseFromThePurchaseEmailToTheAccount() {
        fixture.given(issued("BACKUP", "5.2"))
                .when(new AttachLicenseCommand("lic-1", "acc-b", "b@example.org"))
                .expectEvents(new LicenseAttachedEvent("lic-1", null, "buyer@example.org", "acc-b", "b@example.org"));
    }

    @Test
    void attachingAgainMovesItFromThePreviousAccount() {
        fixture.given(
                        issued("BACKUP", "5.2"),
                        new LicenseAttachedEvent("lic-1", null, "buyer@example.org", "acc-b", "b@example.org"))
                .when(new AttachLicenseCommand("lic-1", "acc-c", "c@example.org"))
                .expectEvents(new LicenseAttachedEvent("lic-1", "acc-b", "b@example.org", "acc-c", "c@example.org"));
    }

    @Test
    void anAttachAnswersWhomTheLicenseWasTakenFrom() {
        fixture.given(
                        issued("BACKUP", "5.2"),
                        new LicenseAttachedEvent("lic-1", null, "buyer@example.org", "acc-b", "b@example.org"))
                .when(new AttachLicenseCommand("lic-1", "acc-c", "c@example.org"))
                .expectResultMessagePayload(new AttachLicenseResponse("lic-1", "b@example.org"));
    }

    @Test
    void anAttachHandledAgainAnswersTheSameHolderAsTheFirstTime() {
        // As after a crash between the attach and its mails: the mails still go to the holder before.
        fixture.given(
                        issued("BACKUP", "5.2"),
                        new LicenseAttachedEvent("lic-1", null, "buyer@example.org", "acc-b", "b@example.org"))
                .when(new AttachLicenseCommand("lic-1", "acc-b", "b@example.org"))
                .expectNoEvents()
                .expectResultMessagePayload(new AttachLicenseResponse("lic-1", "buyer@example.org"));
    }

    @Test
    void attachingToTheCurrentOwnerRecordsNothing() {
        fixture.given(
                        issued("BACKUP", "5.2"),
                        new LicenseAttachedEvent("lic-1", null, "buyer@example.org", "acc-b", "b@example.org"))
                .when(new AttachLicenseCommand("lic-1", "acc-b", "b@example.org"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRenewalExtendsMaintenanceFromItsCurrentEnd() {
        fixture.given(issued("BACKUP", "5.2"))
                .when(new ExtendMaintenanceCommand("lic-1", "P-2:0", 12, LocalDate.of(2028, 1, 10)))
                .expectEvents(new MaintenanceExtendedEvent("lic-1", "P-2:0", LocalDate.of(2029, 3, 14)));
    }

    @Test
    void aRenewalOfLapsedMaintenanceStartsOnTheDayOfTheRenewal() {
        fixture.given(issued("BACKUP", "5.2"))
                .when(new ExtendMaintenanceCommand("lic-1", "P-2:0", 12, LocalDate.of(2030, 6, 1)))
                .expectEvents(new MaintenanceExtendedEvent("lic-1", "P-2:0", LocalDate.of(2031, 6, 1)));
    }

    @Test
    void theSameRenewalAppliedAgainRecordsNothing() {
        fixture.given(
                        issued("BACKUP", "5.2"),
                        new MaintenanceExtendedEvent("lic-1", "P-2:0", LocalDate.of(2029, 3, 14)))
                .when(new ExtendMaintenanceCommand("lic-1", "P-2:0", 12, LocalDate.of(2028, 1, 10)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    /** The account whose verified e-mail the license was bought with, while nobody attached it. */
    private static SetRemoteManagementCommand byBuyer(boolean allowed) {
        return new SetRemoteManagementCommand("lic-1", "acc-a", "buyer@example.org", allowed);
    }

    private static LicenseAttachedEvent attachedTo(String account, String email) {
        return new LicenseAttachedEvent("lic-1", null, "buyer@example.org", account, email);
    }

    private static LicenseIssuedEvent issued(String product, String remoteManagementSince) {
        return new LicenseIssuedEvent(
                "lic-1",
                "ABCDE-FGHJK-MNPQR-STUVW-XYZ23",
                "P-1",
                "buyer@example.org",
                product,
                "Home",
                1,
                PURCHASED,
                LocalDate.of(2028, 3, 14),
                remoteManagementSince);
    }

    private static IssueLicenseCommand issue(int seats, LocalDate maintenanceUntil) {
        return new IssueLicenseCommand(
                "lic-1",
                "ABCDE-FGHJK-MNPQR-STUVW-XYZ23",
                "P-1",
                "buyer@example.org",
                "BACKUP",
                "Professional",
                seats,
                PURCHASED,
                maintenanceUntil,
                "5.2");
    }
}
