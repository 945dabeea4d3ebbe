package org.licensecentral.notification.messaging;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.licensecentral.notification.messaging.LicenseFactsConsumers.LicenseFact;
import org.licensecentral.support.messaging.RejectedMessageException;

import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/** What the license.events consumer does with records that carry no license. */
class LicenseFactsConsumersTest {

    // No mail follows from either record, so no contacts are needed to decide.
    private final Consumer<Message<LicenseFact>> consumer =
            new LicenseFactsConsumers().licenseEvents(null);

    @Test
    void aPublishedReleaseIsACatalogFactAndIsIgnored() {
        assertThatCode(() -> consumer.accept(MessageBuilder.withPayload(new LicenseFact(null, null, "BACKUP", null, null, null))
                .setHeader("ce_type", "org.licensecentral.license.release-published.v1").build()))
                .doesNotThrowAnyException();
    }

    @Test
    void aLicenseFactWithoutALicenseIdIsRejected() {
        assertThatThrownBy(() -> consumer.accept(MessageBuilder.withPayload(new LicenseFact(null, null, "BACKUP", null, null, null))
                .setHeader("ce_type", "org.licensecentral.license.license-issued.v1").build()))
                .isInstanceOf(RejectedMessageException.class);
    }
}
