package org.licensecentral.license.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.licensecentral.license.api.LicenseActivationStatusChangedEvent;
import org.licensecentral.license.api.LicenseAttachedEvent;
import org.licensecentral.license.api.LicenseIssuedEvent;
import org.licensecentral.license.api.MachineChange;
import org.licensecentral.license.api.MaintenanceExtendedEvent;
import org.licensecentral.license.api.RemoteManagementToggledEvent;

/** What each history entry says beyond its event's name, for the portal's wording (issue 16). */
class LicenseHistoryTest {

    @Test
    void remoteManagementSaysOnOrOff() {
        assertThat(LicenseHistory.details(new RemoteManagementToggledEvent("lic-1", false))
                        .remoteManagementAllowed())
                .isFalse();
    }

    @Test
    void anActivationChangeNamesTheMachineAndWhyItsSeatWasFreed() {
        LicenseHistory.Details released = LicenseHistory.details(new LicenseActivationStatusChangedEvent(
                "lic-1", false, 0, new MachineChange("act-1", "office-pc", false, "LOST_MACHINE_RELEASE")));

        assertThat(released.machine()).isEqualTo("office-pc");
        assertThat(released.machineActivated()).isFalse();
        assertThat(released.reason()).isEqualTo("LOST_MACHINE_RELEASE");
        assertThat(released.activeActivations()).isZero();
    }

    @Test
    void anActivationChangeStoredBeforeMachinesWereKeptSaysOnlyTheCount() {
        LicenseHistory.Details old =
                LicenseHistory.details(new LicenseActivationStatusChangedEvent("lic-1", true, 2, null));

        assertThat(old.activeActivations()).isEqualTo(2);
        assertThat(old.machine()).isNull();
        assertThat(old.machineActivated()).isNull();
    }

    @Test
    void anAttachNamesBothAddressesAsTheWebLayerMasksThem() {
        LicenseHistory.Entry entry = new LicenseHistory.Entry(
                        1,
                        "LicenseAttached",
                        Instant.EPOCH,
                        LicenseHistory.details(new LicenseAttachedEvent(
                                "lic-1", null, "buyer@example.org", "acc-2", "owner@example.org")))
                .withEmails(email -> email.toUpperCase(Locale.ROOT));

        assertThat(entry.details().fromEmail()).isEqualTo("BUYER@EXAMPLE.ORG");
        assertThat(entry.details().toEmail()).isEqualTo("OWNER@EXAMPLE.ORG");
    }

    @Test
    void anExtensionSaysTheNewLastDayOfMaintenance() {
        assertThat(LicenseHistory.details(
                                new MaintenanceExtendedEvent("lic-1", "renewal-1", LocalDate.parse("2028-03-14")))
                        .maintenanceUntil())
                .isEqualTo(LocalDate.parse("2028-03-14"));
    }

    @Test
    void anIssueHasNothingToAdd() {
        assertThat(LicenseHistory.details(new LicenseIssuedEvent(
                        "lic-1", "K", "P", "b@example.org", "BACKUP", "Home", 1, Instant.EPOCH, LocalDate.EPOCH, null)))
                .isEqualTo(LicenseHistory.Details.NONE);
    }
}
