package org.licensecentral.support.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import jakarta.validation.constraints.NotNull;
import org.junit.jupiter.api.Test;

import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/** How a consumer reads the record of a type: the fields it needs, the required ones present, or a rejection. */
class CloudEventReaderTest {

    record MaintenanceExtended(
            @NotNull String licenseId, @NotNull LocalDate maintenanceUntil, String note) {}

    // Spring Boot's ObjectMapper is built by this builder: unknown properties ignored, java.time known.
    private final ObjectMapper mapper = Jackson2ObjectMapperBuilder.json().build();
    private final CloudEventReader reader = new CloudEventReader(
            mapper, Validation.buildDefaultValidatorFactory().getValidator());

    @Test
    void readsTheFieldsItNeedsAndIgnoresTheRest() {
        MaintenanceExtended read = reader.read(
                json("{\"licenseId\":\"L-1\",\"renewalId\":\"R-1\",\"maintenanceUntil\":\"2027-11-01\"}"),
                MaintenanceExtended.class);

        assertThat(read).isEqualTo(new MaintenanceExtended("L-1", LocalDate.parse("2027-11-01"), null));
    }

    @Test
    void aMissingRequiredFieldIsRejected() {
        assertThatThrownBy(() -> reader.read(json("{\"licenseId\":\"L-1\"}"), MaintenanceExtended.class))
                .isInstanceOf(RejectedMessageException.class)
                .hasMessageContaining("maintenanceUntil");
    }

    @Test
    void aRequiredFieldThatIsNullIsRejected() {
        assertThatThrownBy(() -> reader.read(
                        json("{\"licenseId\":null,\"maintenanceUntil\":\"2027-11-01\"}"), MaintenanceExtended.class))
                .isInstanceOf(RejectedMessageException.class)
                .hasMessageContaining("licenseId");
    }

    @Test
    void aFieldOfTheWrongShapeIsRejected() {
        assertThatThrownBy(() -> reader.read(
                        json("{\"licenseId\":\"L-1\",\"maintenanceUntil\":\"next year\"}"), MaintenanceExtended.class))
                .isInstanceOf(RejectedMessageException.class);
    }

    @Test
    void jsonThatIsNoObjectIsRejected() {
        assertThatThrownBy(() -> reader.read(json("[1, 2]"), MaintenanceExtended.class))
                .isInstanceOf(RejectedMessageException.class);
    }

    @Test
    void aBodyThatIsNoJsonIsRejected() {
        assertThatThrownBy(() -> reader.read(json("{\"this is\": not JSON"), MaintenanceExtended.class))
                .isInstanceOf(RejectedMessageException.class)
                .hasMessageContaining("not a readable MaintenanceExtended");
    }

    @Test
    void aPayloadTheBinderDidNotLeaveAsBytesIsRejected() {
        Message<String> converted =
                MessageBuilder.withPayload("{\"licenseId\":\"L-1\"}").build();

        assertThatThrownBy(() -> reader.read(converted, MaintenanceExtended.class))
                .isInstanceOf(RejectedMessageException.class)
                .hasMessageContaining("got String");
    }

    /** The record as the binder hands it to a {@code Consumer<Message<byte[]>>}. */
    private static Message<byte[]> json(String body) {
        return MessageBuilder.withPayload(body.getBytes(UTF_8)).build();
    }
}
