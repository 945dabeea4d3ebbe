package org.licensecentral.license.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.licensecentral.license.api.CheckPurchaseContentCommand;
import org.licensecentral.license.api.PurchaseRecordedEvent;
import org.licensecentral.license.api.RecordPurchaseCommand;

class PurchaseTest {

    private static final String RECORD = Purchase.recordId("P-1");

    private AggregateTestFixture<Purchase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Purchase.class);
    }

    @Test
    void recordingAPurchaseKeepsTheHashOfItsContent() {
        fixture.givenNoPriorActivity()
                .when(new RecordPurchaseCommand(RECORD, "P-1", "hash-a"))
                .expectEvents(new PurchaseRecordedEvent(RECORD, "P-1", "hash-a"));
    }

    @Test
    void theSameContentAgainPassesAndRecordsNothing() {
        fixture.given(new PurchaseRecordedEvent(RECORD, "P-1", "hash-a"))
                .when(new CheckPurchaseContentCommand(RECORD, "P-1", "hash-a"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void otherContentUnderARecordedPurchaseIdIsAConflict() {
        fixture.given(new PurchaseRecordedEvent(RECORD, "P-1", "hash-a"))
                .when(new CheckPurchaseContentCommand(RECORD, "P-1", "hash-b"))
                .expectException(PurchaseConflictException.class)
                .expectExceptionMessage("purchase P-1 was already recorded with other content")
                .expectNoEvents();
    }

    @Test
    void aPurchaseRecordIdIsNeverALicenseId() {
        assertThat(RECORD).isNotEqualTo(License.idOf("P-1", 0, 0));
    }
}
