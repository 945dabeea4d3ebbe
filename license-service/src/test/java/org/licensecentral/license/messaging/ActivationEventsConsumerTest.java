package org.licensecentral.license.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.licensecentral.testsupport.ConsumedRecords.record;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.function.Consumer;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.licensecentral.license.api.MachineChange;
import org.licensecentral.license.api.RecordActiveActivationsCommand;
import org.licensecentral.support.messaging.RejectedMessageException;
import org.licensecentral.testsupport.ConsumedRecords;
import org.licensecentral.testsupport.EventSchemas;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

/** How activation.events records are read: one typed record per type, checked against the published schemas. */
class ActivationEventsConsumerTest {

    private static final String DEACTIVATED_BODY = "{\"activationId\":\"A-1\",\"licenseId\":\"L-1\","
            + "\"fingerprint\":\"0123456789abcdef0123456789abcdef\",\"hostname\":\"office-pc\",\"productVersion\":\"5.3.1\","
            + "\"mode\":\"ONLINE\",\"at\":\"2026-12-01T10:00:00Z\",\"activeActivations\":0,\"reason\":\"DEACTIVATED_BY_OWNER\"}";

    private final CommandGateway commandGateway = mock(CommandGateway.class);
    private final MongoTemplate mongo = mock(MongoTemplate.class);
    private final Consumer<Message<byte[]>> consumer =
            new ActivationEventsConsumer().activationEvents(ConsumedRecords.reader(), commandGateway, mongo);

    @Test
    void aDeactivationRecordsTheLicensesCountWithTheMachineAndTheReason() throws Exception {
        assertThat(EventSchemas.errors(ActivationEventsConsumer.DEACTIVATED, DEACTIVATED_BODY))
                .isEmpty();

        consumer.accept(record(ActivationEventsConsumer.DEACTIVATED, DEACTIVATED_BODY));

        verify(commandGateway)
                .sendAndWait(new RecordActiveActivationsCommand(
                        "L-1", 0, new MachineChange("A-1", "office-pc", false, "DEACTIVATED_BY_OWNER")));
    }

    @Test
    void aDeactivationFromBeforeReasonsIsRecordedWithTheReasonUnknown() throws Exception {
        String withoutReason = DEACTIVATED_BODY.replace(",\"reason\":\"DEACTIVATED_BY_OWNER\"", "");
        assertThat(EventSchemas.errors(ActivationEventsConsumer.DEACTIVATED, withoutReason))
                .isEmpty();

        consumer.accept(record(ActivationEventsConsumer.DEACTIVATED, withoutReason));

        verify(commandGateway)
                .sendAndWait(new RecordActiveActivationsCommand(
                        "L-1", 0, new MachineChange("A-1", "office-pc", false, "UNKNOWN")));
    }

    @Test
    void aDeactivationWithoutItsCountIsRejected() throws Exception {
        String withoutCount = DEACTIVATED_BODY.replace(",\"activeActivations\":0", "");
        assertThat(EventSchemas.errors(ActivationEventsConsumer.DEACTIVATED, withoutCount))
                .isNotEmpty();

        assertThatThrownBy(() -> consumer.accept(record(ActivationEventsConsumer.DEACTIVATED, withoutCount)))
                .isInstanceOf(RejectedMessageException.class)
                .hasMessageContaining("activeActivations");
        verifyNoInteractions(commandGateway, mongo);
    }

    @Test
    void aNegativeCountIsRejected() throws Exception {
        String negative = DEACTIVATED_BODY.replace("\"activeActivations\":0", "\"activeActivations\":-1");

        assertThatThrownBy(() -> consumer.accept(record(ActivationEventsConsumer.DEACTIVATED, negative)))
                .isInstanceOf(RejectedMessageException.class)
                .hasMessageContaining("activeActivations");
        verifyNoInteractions(commandGateway, mongo);
    }

    @Test
    void aCheckInWithoutItsVersionIsRejected() throws Exception {
        String checkIn =
                "{\"activationId\":\"A-1\",\"licenseId\":\"L-1\",\"fingerprint\":\"0123456789abcdef0123456789abcdef\","
                        + "\"mode\":\"ONLINE\",\"at\":\"2026-12-01T10:00:00Z\",\"activeActivations\":1,\"leaseEnds\":\"2026-12-08T10:00:00Z\"}";
        assertThat(EventSchemas.errors(ActivationEventsConsumer.CHECKED_IN, checkIn))
                .isNotEmpty();

        assertThatThrownBy(() -> consumer.accept(record(ActivationEventsConsumer.CHECKED_IN, checkIn)))
                .isInstanceOf(RejectedMessageException.class)
                .hasMessageContaining("productVersion");
        verifyNoInteractions(commandGateway, mongo);
    }
}
