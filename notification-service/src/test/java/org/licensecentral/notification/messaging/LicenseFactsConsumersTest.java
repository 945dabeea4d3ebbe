package org.licensecentral.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.licensecentral.testsupport.ConsumedRecords.record;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.LocalDate;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.licensecentral.notification.licenses.LicenseContacts;
import org.licensecentral.support.messaging.CloudEventReader;
import org.licensecentral.support.messaging.RejectedMessageException;
import org.licensecentral.testsupport.ConsumedRecords;
import org.licensecentral.testsupport.EventSchemas;

import org.springframework.messaging.Message;

/** How license.events and activation.events records are read: one typed record per type, checked against the published schemas. */
class LicenseFactsConsumersTest {

    private static final String LICENSE_ID = "6f1c2a4e-0b7d-4a51-9a43-2f4d1e8c9b10";
    private static final String EXTENDED = "org.licensecentral.license.maintenance-extended.v1";
    private static final String ACTIVATED = "org.licensecentral.activation.machine-activated.v1";

    private final CloudEventReader reader = ConsumedRecords.reader();
    private final LicenseContacts contacts = mock(LicenseContacts.class);
    private final Consumer<Message<byte[]>> licenseEvents = new LicenseFactsConsumers().licenseEvents(reader, contacts);
    private final Consumer<Message<byte[]>> activationEvents =
            new LicenseFactsConsumers().activationEvents(reader, contacts);

    @Test
    void anExtendedMaintenanceIsKept() throws Exception {
        String body =
                "{\"licenseId\":\"" + LICENSE_ID + "\",\"renewalId\":\"P-2/1\",\"maintenanceUntil\":\"2028-11-01\"}";
        assertThat(EventSchemas.errors(EXTENDED, body)).isEmpty();

        licenseEvents.accept(record(EXTENDED, body));

        verify(contacts).maintenanceExtended(LICENSE_ID, LocalDate.parse("2028-11-01"));
    }

    @Test
    void aPublishedReleaseIsACatalogFactAndIsIgnored() {
        assertThatCode(() -> licenseEvents.accept(record(
                        "org.licensecentral.license.release-published.v1",
                        "{\"productCode\":\"BACKUP\",\"version\":\"5.3.1\",\"releasedAt\":\"2026-05-18\"}")))
                .doesNotThrowAnyException();
        verifyNoInteractions(contacts);
    }

    @Test
    void aLicenseFactWithoutALicenseIdIsRejected() {
        String body = "{\"renewalId\":\"P-2/1\",\"maintenanceUntil\":\"2028-11-01\"}";
        assertThat(EventSchemas.errors(EXTENDED, body)).isNotEmpty();

        assertThatThrownBy(() -> licenseEvents.accept(record(EXTENDED, body)))
                .isInstanceOf(RejectedMessageException.class)
                .hasMessageContaining("licenseId");
        verifyNoInteractions(contacts);
    }

    @Test
    void aMachineActivatedWithoutItsTimeIsRejected() {
        String body = "{\"activationId\":\"0d5e8f7a-3c2b-4e1d-8f9a-7b6c5d4e3f21\",\"licenseId\":\"" + LICENSE_ID
                + "\",\"fingerprint\":\"fp-1\",\"hostname\":\"office-pc\",\"productVersion\":\"5.3.1\",\"mode\":\"ONLINE\","
                + "\"activeActivations\":1}";
        assertThat(EventSchemas.errors(ACTIVATED, body)).isNotEmpty();

        assertThatThrownBy(() -> activationEvents.accept(record(ACTIVATED, body)))
                .isInstanceOf(RejectedMessageException.class)
                .hasMessageContaining("at");
        verifyNoInteractions(contacts);
    }
}
