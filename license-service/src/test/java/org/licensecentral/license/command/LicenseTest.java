package org.licensecentral.license.command;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.licensecentral.license.api.IssueLicenseCommand;
import org.licensecentral.license.api.LicenseIssuedEvent;

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
                .expectEvents(new LicenseIssuedEvent("lic-1", "ABCDE-FGHJK-MNPQR-STUVW-XYZ23", "P-1",
                        "buyer@example.org", "BACKUP", "Professional", 2, PURCHASED, LocalDate.of(2028, 3, 14)));
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

    private static IssueLicenseCommand issue(int seats, LocalDate maintenanceUntil) {
        return new IssueLicenseCommand("lic-1", "ABCDE-FGHJK-MNPQR-STUVW-XYZ23", "P-1", "buyer@example.org",
                "BACKUP", "Professional", seats, PURCHASED, maintenanceUntil);
    }
}
