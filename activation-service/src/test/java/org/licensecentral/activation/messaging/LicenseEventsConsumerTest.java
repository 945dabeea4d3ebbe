package org.licensecentral.activation.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.licensecentral.testsupport.ConsumedRecords.record;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.LocalDate;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.licensecentral.activation.licenses.LicenseRecords;
import org.licensecentral.activation.licenses.Releases;
import org.licensecentral.support.messaging.RejectedMessageException;
import org.licensecentral.testsupport.ConsumedRecords;
import org.licensecentral.testsupport.EventSchemas;

import org.springframework.messaging.Message;

/** How license.events records are read: one typed record per type, checked against the published schemas. */
class LicenseEventsConsumerTest {

    private static final String ISSUED = "org.licensecentral.license.license-issued.v1";
    private static final String ISSUED_BODY = "{\"licenseId\":\"6f1c2a4e-0b7d-4a51-9a43-2f4d1e8c9b10\","
            + "\"licenseKey\":\"ABCDE-FGHJK-MNPQR-STUVW-XYZ23\",\"purchaseId\":\"P-1\",\"purchaseEmail\":\"owner@example.org\","
            + "\"productCode\":\"BACKUP\",\"edition\":\"Home\",\"maxActivations\":2,\"purchasedAt\":\"2026-11-01T09:30:00Z\","
            + "\"maintenanceUntil\":\"2027-11-01\",\"remoteManagementSince\":null}";

    private final LicenseRecords licenses = mock(LicenseRecords.class);
    private final Releases releases = mock(Releases.class);
    private final Consumer<Message<byte[]>> consumer =
            new LicenseEventsConsumer().licenseEvents(ConsumedRecords.reader(), licenses, releases);

    @Test
    void anIssuedLicenseIsKept() throws Exception {
        assertThat(EventSchemas.errors(ISSUED, ISSUED_BODY)).isEmpty();

        consumer.accept(record(ISSUED, ISSUED_BODY));

        verify(licenses)
                .issued(
                        "6f1c2a4e-0b7d-4a51-9a43-2f4d1e8c9b10",
                        "ABCDE-FGHJK-MNPQR-STUVW-XYZ23",
                        "owner@example.org",
                        "BACKUP",
                        "Home",
                        2,
                        LocalDate.parse("2027-11-01"),
                        null);
    }

    @Test
    void anIssuedLicenseWithoutItsKeyIsRejected() throws Exception {
        String withoutKey = ISSUED_BODY.replace("\"licenseKey\":\"ABCDE-FGHJK-MNPQR-STUVW-XYZ23\",", "");
        assertThat(EventSchemas.errors(ISSUED, withoutKey)).isNotEmpty();

        assertThatThrownBy(() -> consumer.accept(record(ISSUED, withoutKey)))
                .isInstanceOf(RejectedMessageException.class)
                .hasMessageContaining("licenseKey");
        verifyNoInteractions(licenses);
    }

    @Test
    void aReleaseWithoutItsDateIsRejected() throws Exception {
        String type = "org.licensecentral.license.release-published.v1";
        String withoutDate = "{\"productCode\":\"BACKUP\",\"version\":\"5.3.1\"}";
        assertThat(EventSchemas.errors(type, withoutDate)).isNotEmpty();

        assertThatThrownBy(() -> consumer.accept(record(type, withoutDate)))
                .isInstanceOf(RejectedMessageException.class)
                .hasMessageContaining("releasedAt");
        verifyNoInteractions(releases);
    }

    @Test
    void theEchoedActivationStatusIsIgnored() throws Exception {
        consumer.accept(record(
                "org.licensecentral.license.activation-status-changed.v1",
                "{\"licenseId\":\"6f1c2a4e-0b7d-4a51-9a43-2f4d1e8c9b10\",\"activated\":true,\"activeActivations\":1}"));

        verifyNoInteractions(licenses, releases);
    }
}
